/*
| The trial form as the clerk edits it (rates in percent, optional sections
| switched on or off) and its conversion to and from the API's JSON.
*/
import { fractionToPercent, percentToFraction } from './percent'
import type { TrialInput } from './api'

export const DEFAULT_ORDER = [
  'penalty',
  'compound',
  'overdueInterest',
  'overduePrincipal',
  'accruedInterest',
  'notDuePrincipal',
]

export interface TrialForm {
  start: string
  asOf: string
  rates: { from: string; percent: string }[]
  surchargePercent: string
  installments: { dueDate: string; principal: string }[]
  interestDueDates: string[]
  repayments: { date: string; amount: string }[]
  order: string[]
  compoundOnPenalty: boolean
  stopDate: string
  delayEnabled: boolean
  delayDeadline: string
  delayDebt: string
}

export const emptyForm = (): TrialForm => ({
  start: '',
  asOf: '',
  rates: [{ from: '', percent: '' }],
  surchargePercent: '50',
  installments: [{ dueDate: '', principal: '' }],
  interestDueDates: [],
  repayments: [],
  order: [...DEFAULT_ORDER],
  compoundOnPenalty: false,
  stopDate: '',
  delayEnabled: false,
  delayDeadline: '',
  delayDebt: '',
})

export function formFromInput(input: TrialInput): TrialForm {
  return {
    ...emptyForm(),
    start: input.start,
    asOf: input.asOf,
    rates: input.rates.map((r) => ({
      from: r.from,
      percent: fractionToPercent(r.annualRate) ?? '',
    })),
    surchargePercent: fractionToPercent(input.penaltySurcharge ?? '0.5') ?? '50',
    installments: input.installments.map((i) => ({ ...i })),
    interestDueDates: [...(input.interestDueDates ?? [])],
    repayments: (input.repayments ?? []).map((r) => ({ ...r })),
    order: input.order ? [...input.order] : [...DEFAULT_ORDER],
    compoundOnPenalty: Boolean(input.compoundOnPenalty),
    stopDate: input.stopDate ?? '',
    delayEnabled: Boolean(input.delayedPerformance),
    delayDeadline: input.delayedPerformance?.deadline ?? '',
    delayDebt: input.delayedPerformance?.debt ?? '',
  }
}

/**
 * The API input, or the problems the clerk must fix first. The server checks
 * everything again; this only catches what would make the request meaningless.
 */
export function inputFromForm(form: TrialForm): { input: TrialInput | null; problems: string[] } {
  const problems: string[] = []
  const rates = form.rates.map((r, n) => {
    const annualRate = percentToFraction(r.percent)
    if (annualRate === null) problems.push(`第 ${n + 1} 个利率无效`)
    return { from: r.from, annualRate: annualRate ?? '' }
  })
  const surcharge = percentToFraction(form.surchargePercent)
  if (surcharge === null) problems.push('罚息上浮比例无效')
  if (form.order.length !== DEFAULT_ORDER.length) problems.push('冲抵顺序须包含全部六个科目')
  if (problems.length) return { input: null, problems }
  const input: TrialInput = {
    start: form.start,
    asOf: form.asOf,
    rates,
    penaltySurcharge: surcharge!,
    installments: form.installments.filter((i) => i.dueDate || i.principal),
    interestDueDates: [...form.interestDueDates].sort(),
    repayments: form.repayments.filter((r) => r.date || r.amount),
    order: form.order,
    compoundOnPenalty: form.compoundOnPenalty,
  }
  if (form.stopDate) input.stopDate = form.stopDate
  if (form.delayEnabled)
    input.delayedPerformance = { deadline: form.delayDeadline, debt: form.delayDebt }
  return { input, problems }
}
