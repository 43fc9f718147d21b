/* 资产重组: one typed function per endpoint. */
import { http, type Query } from '@/api/http'
import type { Paginated } from '@/api/types'

const base = '/restructuring/plans'

export interface Plan {
  id: number
  planNo: string
  customerName: string
  method: string
  balance: string
  effectiveOn: string
  newMaturityDate: string | null
  newRate: string | null
  newLoanNo: string | null
  equityAmount: string | null
  terms: string
  reasons: string
  status: string
  observationMonths: number | null
  approvedOn: string | null
  observationEnd: string | null
  closedOn: string | null
  closeRemark: string | null
}

export interface PlanDetail extends Plan {
  loans: Array<{ loanId: number; loanNo: string; balance: string }>
  checks: Array<{
    id: number
    checkedOn: string
    performing: boolean
    overdueDays: number
    remark: string
  }>
}

export const restructuringApi = {
  list: (query: Query) => http.get<Paginated<Plan>>(base, query),
  get: (id: number) => http.get<PlanDetail>(`${base}/${id}`),
  create: (body: Record<string, unknown>) => http.post<PlanDetail>(base, body),
  submit: (id: number) => http.post<PlanDetail>(`${base}/${id}/submit`),
  check: (id: number, body: Record<string, unknown>) =>
    http.post<PlanDetail>(`${base}/${id}/checks`, body),
  close: (id: number, body: Record<string, unknown>) =>
    http.post<PlanDetail>(`${base}/${id}/close`, body),
}
