/* 诉讼费试算: the calculation and the schedules it uses (served by the server, never copied here). */
import { http } from '@/api/http'
import type { Localized } from '@/i18n'

export type FeeKind = 'acceptance' | 'preservation' | 'execution' | 'payment-order'

export interface FeeBand {
  from: string
  to: string | null
  flat?: string
  rate?: string
  /** The rate as a percentage ("2.5%"), computed by the server. */
  percent?: string
}

export interface FeeSchedule {
  kind: FeeKind
  article: string
  name: Localized
  bands: FeeBand[]
  cap?: string
  factorOfAcceptance?: string
  note?: Localized
}

export interface FeeResult {
  kind: FeeKind
  amount: string
  summaryProcedure: boolean
  fee: string
  bandTotal: string
  lines: Array<FeeBand & { base: string; fee: string }>
  adjustments: string[]
}

export const feeApi = {
  run: (input: { kind: FeeKind; amount: string; summaryProcedure?: boolean }) =>
    http.post<FeeResult>('/litigation/fee-trial', input),
  schedules: () => http.get<{ data: FeeSchedule[] }>('/litigation/fee-trial/schedules'),
}
