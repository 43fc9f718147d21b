/* One typed function per 利息试算 endpoint, over the shell's one HTTP client. */
import { http } from '@/api/http'

const base = '/disposal/interest-trial'

export interface TrialInput {
  start: string
  asOf: string
  rates: { from: string; annualRate: string }[]
  penaltySurcharge?: string
  installments: { dueDate: string; principal: string }[]
  interestDueDates?: string[]
  repayments?: { date: string; amount: string }[]
  order?: string[]
  compoundOnPenalty?: boolean
  stopDate?: string
  delayedPerformance?: { deadline: string; debt: string }
}

export interface TrialStep {
  kind: string
  label: string
  from: string
  to: string
  days: number
  base: string
  rate: string
  amount: string
  formula: string
}

export interface TrialEvent {
  date: string
  kind: string
  description: string
  amount: string
}

export interface TrialResult {
  notDuePrincipal: string
  overduePrincipal: string
  accruedInterest: string
  overdueInterest: string
  penaltyInterest: string
  compoundInterest: string
  delayInterest: string
  unapplied: string
  total: string
  steps: TrialStep[]
  events: TrialEvent[]
}

export interface LoanOption {
  id: number
  loanNo: string
  customerName: string
  balance: string
  overdueDays: number
}

export const interestApi = {
  run: (input: TrialInput) => http.post<TrialResult>(base, input),
  loans: (keyword?: string) => http.get<{ data: LoanOption[] }>(`${base}/loans`, { keyword }),
  prefill: (id: number) =>
    http.get<{ loan: LoanOption & { repaymentMethod: string }; input: TrialInput }>(
      `${base}/loans/${id}`
    ),
}
