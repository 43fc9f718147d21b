/*
| The new terms each 重组方式 needs — one place for the rule, checked at
| creation (422 naming what is missing):
|   展期          new maturity date after every loan's current maturity
|   借新还旧      the new loan's number and its maturity date
|   调整还款计划  the new schedule described (terms text)
|   变更担保/增加担保  the security changed or added (terms text)
|   债转股        the amount converted to equity, ≤ the balance
| And the observation end: effective date + N months (参数
| restructuring.observationMonths), the same day of the month or the month's
| last day when it has none.
*/
import { DateTime } from 'luxon'
import { Money } from '#core/money/money'
import type { Method } from './dictionaries.js'

export interface TermsInput {
  method: Method
  effectiveOn: string
  newMaturityDate?: string | null
  newRate?: string | null
  newLoanNo?: string | null
  equityAmount?: string | null
  terms?: string | null
}

/** The first missing or wrong term, in Chinese; null when the terms fit the method. */
export function termsGap(
  input: TermsInput,
  loans: Array<{ loanNo: string; maturityDate: string; balance: string }>
): string | null {
  const after = (d: string) => loans.find((l) => l.maturityDate >= d)
  switch (input.method) {
    case 'extension': {
      if (!input.newMaturityDate) return '展期须填写展期后到期日'
      const late = after(input.newMaturityDate)
      if (late) return `展期后到期日须晚于 ${late.loanNo} 的原到期日 ${late.maturityDate}`
      return null
    }
    case 'refinance':
      if (!input.newLoanNo) return '借新还旧须填写新借据号'
      if (!input.newMaturityDate) return '借新还旧须填写新借据到期日'
      return null
    case 'reschedule':
      return (input.terms ?? '').trim().length < 4 ? '调整还款计划须写明新的还款计划' : null
    case 'guarantee':
      return (input.terms ?? '').trim().length < 4 ? '变更担保/增加担保须写明担保变更内容' : null
    case 'debt_equity': {
      if (!input.equityAmount) return '债转股须填写转股金额'
      const balance = Money.sum(loans.map((l) => Money.fromYuan(l.balance)))
      if (Money.fromYuan(input.equityAmount).compare(balance) > 0)
        return `转股金额 ${input.equityAmount} 超过借据余额合计 ${balance.toYuan()}`
      return null
    }
  }
}

/** effectiveOn + months (luxon clamps to the month's last day: 08-31 + 6 → 02-28/29). */
export function observationEnd(effectiveOn: string, months: number) {
  return DateTime.fromISO(effectiveOn).plus({ months }).toISODate()!
}
