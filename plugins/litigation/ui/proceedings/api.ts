/* 诉中方案申报 over the shell's HTTP client. */
import { http, type Query } from '@/api/http'
import type { Paginated } from '@/api/types'

const base = '/litigation'

export interface Proceeding {
  id: number
  planNo: string
  caseId: number
  caseNo: string
  customerName: string
  createdBy: number
  applicantName: string | null
  kind: string
  amount: string
  content: string
  applicationReason: string
  status: string
  createdAt: string | null
}

export interface ProceedingDetail extends Proceeding {
  instalments: Array<{ seq: number; dueDate: string; amount: string }>
  timeline: Array<{
    id: number
    eventType: string
    actorName: string | null
    createdAt: string | null
  }>
}

export interface ProceedingInput {
  caseId: number
  kind: string
  amount: string
  content: string
  applicationReason: string
  instalments?: Array<{ dueDate: string; amount: string }>
}

function clean(query: Record<string, unknown>): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value as any
  return out
}

export const proceedingsApi = {
  list: (query: Record<string, unknown>) =>
    http.get<Paginated<Proceeding>>(`${base}/proceedings`, clean(query)),
  show: (id: number) => http.get<ProceedingDetail>(`${base}/proceedings/${id}`),
  create: (input: ProceedingInput) => http.post<ProceedingDetail>(`${base}/proceedings`, input),
  update: (id: number, input: ProceedingInput) =>
    http.put<ProceedingDetail>(`${base}/proceedings/${id}`, input),
  remove: (id: number) => http.delete<void>(`${base}/proceedings/${id}`),
  submit: (id: number) => http.post<ProceedingDetail>(`${base}/proceedings/${id}/submit`),
  cases: (keyword: string) =>
    http.get<{ data: Array<{ id: number; caseNo: string; customerName: string }> }>(
      `${base}/cases`,
      clean({ keyword, perPage: 50 })
    ),
}

/** Kinds whose agreement may carry an instalment schedule (mirrors the server's list). */
export const INSTALMENT_KINDS = ['mediation', 'settlement', 'execution_settlement']
