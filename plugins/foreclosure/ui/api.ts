/* 以资抵债: one typed function per endpoint, and the 通知单 PDF. */
import { http, type Query } from '@/api/http'
import { downloadFile } from '@/api/download'
import type { Paginated } from '@/api/types'

const base = '/foreclosure/receipts'

export type BucketMap = Record<
  'principal' | 'normal_interest' | 'overdue_interest' | 'penalty' | 'compound',
  string
>

export interface Receipt {
  id: number
  receiptNo: string
  customerId: number
  customerName: string
  way: string
  source: string
  collateralRef: string | null
  collateralChecked: boolean
  assetClass: string
  assetName: string
  location: string | null
  certificates: string | null
  rulingNo: string | null
  appraisedValue: string
  appraisedOn: string | null
  agreedValue: string
  taxesAndFees: string
  bookValue: string
  owed: string
  shortfall: string
  balanceSource: 'core' | 'trial'
  acquiredOn: string
  reasons: string
  status: string
  committeeRequired: boolean
  assetId: number | null
  postedOn: string | null
  createdBy: number
  createdAt: string
}

export interface ReceiptLoan {
  loanId: number
  loanNo: string
  owed: BucketMap
  settled: BucketMap
  shortfall: BucketMap
  owedTotal: string
  settledTotal: string
  shortfallTotal: string
}

export interface ReceiptDoc {
  id: number
  docKind: string
  title: string
  docNo: string
  url: string | null
  createdAt: string
}

export interface ReceiptDetail extends Receipt {
  loans: ReceiptLoan[]
  documents: ReceiptDoc[]
  /** The 抵债资产 it was booked as (after 账务处理). */
  asset: {
    id: number
    assetNo: string
    bookValue: string
    disposalDeadline: string
    status: string
  } | null
}

export interface Collateral {
  loanId: number
  collateralRef: string
  kind: string
  name: string
  bookValue: string
  description: string | null
  appraisedValue: string | null
  valuedOn: string | null
  status: string | null
  location: string | null
  certificates: string | null
  appraisals: Array<{ valuedOn: string; appraisedValue: string; appraiser: string }>
}

export interface Posting {
  id: number
  loanNo: string
  kind: string
  direction: 'debit' | 'credit'
  amount: string
  idempotencyKey: string
  status: 'pending' | 'sent' | 'dead'
  attempts: number
  reason: string | null
}

export interface BatchResult {
  id: number
  receiptNo: string | null
  ok: boolean
  message: string | null
}

export const BUCKETS: Array<[keyof BucketMap, string, string]> = [
  ['principal', '本金', 'Principal'],
  ['normal_interest', '正常利息', 'Interest'],
  ['overdue_interest', '逾期利息', 'Overdue interest'],
  ['penalty', '罚息', 'Penalty'],
  ['compound', '复利', 'Compound'],
]

export const foreclosureApi = {
  list: (query: Query) => http.get<Paginated<Receipt>>(base, query),
  get: (id: number) => http.get<ReceiptDetail>(`${base}/${id}`),
  create: (body: Record<string, unknown>) => http.post<ReceiptDetail>(base, body),
  update: (id: number, body: Record<string, unknown>) =>
    http.put<ReceiptDetail>(`${base}/${id}`, body),
  submit: (id: number) => http.post<ReceiptDetail>(`${base}/${id}/submit`),
  /** 撤回: a draft, or a pending receipt no approver has decided yet (the maker only). */
  withdraw: (id: number, comment: string | null) =>
    http.post<ReceiptDetail>(`${base}/${id}/withdraw`, { comment }),
  batchSubmit: (ids: number[]) =>
    http.post<{ data: BatchResult[] }>(`${base}/batch-submit`, { ids }),
  batchApprove: (ids: number[], comment: string) =>
    http.post<{ data: BatchResult[] }>(`${base}/batch-approve`, { ids, comment }),
  collaterals: (loanIds: number[]) =>
    http.get<{ available: boolean; message: string | null; rows: Collateral[] }>(
      '/foreclosure/collaterals',
      { loanIds: loanIds.join(',') }
    ),
  upload: (id: number, body: Record<string, unknown>) =>
    http.post<ReceiptDoc>(`${base}/${id}/documents`, body),
  post: (id: number) => http.post<ReceiptDetail & { postings: Posting[] }>(`${base}/${id}/post`),
  postings: (id: number) => http.get<{ data: Posting[] }>(`${base}/${id}/postings`),
  retry: (id: number, postingId: number) => http.post(`${base}/${id}/postings/${postingId}/retry`),
  noticePdf: (r: Receipt) =>
    downloadFile(`${base}/${r.id}/notice/pdf`, `以资抵债通知单-${r.receiptNo}.pdf`),
}

/** A chosen file's content as base64 (the 电子档案 connector carries it inline). */
export async function fileContent(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}
