/* 交易流水确认: one typed function per endpoint, over the shell's HTTP client. */
import { http, type Query } from '@/api/http'

export interface RecoveryTransaction {
  id: number
  txnNo: string
  loanId: number
  loanNo: string
  customerId: number
  customerNo: string
  customerName: string
  orgName: string | null
  postedOn: string
  principal: string
  interest: string
  penalty: string
  amount: string
  channel: string
  payerName: string
  memo: string
  status: 'pending' | 'confirmed'
  method: string | null
  confirmedBy: string | null
  confirmedAt: string | null
  corrections: number
  correctionsList?: Array<{
    fromMethod: string
    toMethod: string
    reason: string
    correctedBy: string | null
    correctedAt: string
  }>
}

interface Page<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number }
}

const base = '/recoveries/transactions'

export const recoveriesApi = {
  list: (query: Query) => http.get<Page<RecoveryTransaction>>(base, query),
  show: (id: number) => http.get<RecoveryTransaction>(`${base}/${id}`),
  fetch: (businessDate: string) => http.post<{ jobId: string }>(`${base}/fetch`, { businessDate }),
  confirm: (id: number, method: string, remark?: string) =>
    http.post<RecoveryTransaction>(`${base}/${id}/confirm`, {
      method,
      remark: remark || undefined,
    }),
  correct: (id: number, method: string, reason: string) =>
    http.post<RecoveryTransaction>(`${base}/${id}/correct`, { method, reason }),
}

export const METHOD_DICT = 'credit_assets_recovery_method'
export const STATUS_DICT = 'recoveries_transaction_status'
