/* 债权转让: one typed function per endpoint, and the notice PDF. */
import { http, type Query } from '@/api/http'
import { downloadFile } from '@/api/download'
import type { Paginated } from '@/api/types'

const base = '/transfer/applications'

export interface Notice {
  id: number
  noticeNo: string
  partyKind: string
  partyName: string
  servedOn: string | null
  serviceWay: string | null
  proofRef: string | null
  served: boolean
}

export interface Application {
  id: number
  appNo: string
  customerName: string
  transferee: string
  method: string
  valuation: string
  reservePrice: string
  price: string
  bookValue: string
  loss: string
  reasons: string
  status: string
  committeeRequired: boolean
  contractNo: string | null
  paidOn: string | null
  transferDate: string | null
  createdAt: string
}

export interface ApplicationDetail extends Application {
  loans: Array<{
    loanId: number
    loanNo: string
    principal: string
    onBalanceInterest: string
    offBalanceInterest: string
    bookValue: string
  }>
  notices: Notice[]
  unservedNotices: number
}

export interface Posting {
  id: number
  loanNo: string
  kind: string
  amount: string
  idempotencyKey: string
  status: 'pending' | 'sent' | 'dead'
  attempts: number
  reason: string | null
}

export const transferApi = {
  list: (query: Query) => http.get<Paginated<Application>>(base, query),
  get: (id: number) => http.get<ApplicationDetail>(`${base}/${id}`),
  create: (body: Record<string, unknown>) => http.post<ApplicationDetail>(base, body),
  submit: (id: number) => http.post<ApplicationDetail>(`${base}/${id}/submit`),
  serve: (id: number, noticeId: number, body: Record<string, unknown>) =>
    http.post<ApplicationDetail>(`${base}/${id}/notices/${noticeId}/serve`, body),
  fees: (id: number) => http.get<{ data: any[] }>(`${base}/${id}/fees`),
  addFee: (id: number, body: Record<string, unknown>) => http.post(`${base}/${id}/fees`, body),
  postings: (id: number) => http.get<{ data: Posting[] }>(`${base}/${id}/postings`),
  retry: (id: number, postingId: number) => http.post(`${base}/${id}/postings/${postingId}/retry`),
  result: (id: number, body: Record<string, unknown>) =>
    http.post<ApplicationDetail>(`${base}/${id}/result`, body),
  noticePdf: (id: number, n: Notice) =>
    downloadFile(`${base}/${id}/notices/${n.id}/pdf`, `债权转让通知书-${n.noticeNo}.pdf`),
}
