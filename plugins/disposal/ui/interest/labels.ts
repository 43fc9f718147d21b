/*
| Labels of the 利息试算 console (zh-CN first, en switchable), shared by the page and
| its components. Plugin pages localise with `localize({ zh, en })` like credit-assets.
*/
import { currentLocale, localize, type Localized } from '@/i18n'

export const BUCKET_LABELS: Record<string, Localized> = {
  penalty: { zh: '罚息', en: 'Penalty interest' },
  compound: { zh: '复利', en: 'Compound interest' },
  overdueInterest: { zh: '逾期利息（欠息）', en: 'Overdue interest' },
  overduePrincipal: { zh: '逾期本金', en: 'Overdue principal' },
  accruedInterest: { zh: '应计利息', en: 'Accrued interest' },
  notDuePrincipal: { zh: '未到期本金', en: 'Principal not yet due' },
}

/** Result fields in the order a clerk reads them, with their labels. */
export const RESULT_FIELDS: Array<{ key: string; label: Localized }> = [
  { key: 'notDuePrincipal', label: BUCKET_LABELS.notDuePrincipal },
  { key: 'overduePrincipal', label: BUCKET_LABELS.overduePrincipal },
  { key: 'accruedInterest', label: BUCKET_LABELS.accruedInterest },
  { key: 'overdueInterest', label: BUCKET_LABELS.overdueInterest },
  { key: 'penaltyInterest', label: BUCKET_LABELS.penalty },
  { key: 'compoundInterest', label: BUCKET_LABELS.compound },
  { key: 'delayInterest', label: { zh: '迟延履行利息', en: 'Delayed-performance interest' } },
  { key: 'unapplied', label: { zh: '未分配还款', en: 'Unapplied' } },
]

export const STEP_LABELS: Record<string, Localized> = {
  normal: { zh: '正常利息', en: 'Normal interest' },
  penalty: { zh: '罚息', en: 'Penalty interest' },
  compound: { zh: '复利', en: 'Compound interest' },
  delay: { zh: '迟延履行利息', en: 'Delayed-performance interest' },
}

export const EVENT_LABELS: Record<string, Localized> = {
  principalDue: { zh: '本金到期', en: 'Principal due' },
  interestDue: { zh: '结息', en: 'Interest settled' },
  repayment: { zh: '还款', en: 'Repayment' },
}

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)
export const label = (text: Localized | undefined) => localize(text, currentLocale.value)
