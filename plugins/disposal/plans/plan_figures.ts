/*
| 债权金额 of the loans in a plan: from 核心系统 in real time when it answered
| (principal + 正常利息 + 逾期利息 + 罚息 + 复利), otherwise from the book
| (ca_loans: balance, overdue interest, 罚息, 复利) with the source saying so.
| All in fen through Money: never a float.
*/
import { Money } from '#core/money/money'
import type { PrefillSection } from './prefill.js'

export interface LoanRow {
  id: number
  loan_no: string
  balance_fen: string | number
  overdue_interest_fen: string | number
  penalty_interest_fen: string | number
  compound_interest_fen: string | number
  five_class: string
  overdue_days: number
}

export interface LoanFigures {
  loanId: number
  loanNo: string
  principal: Money
  interest: Money
  fiveClass: string
  overdueDays: number
  source: 'core-banking' | 'book'
}

interface CoreBalance {
  loanNo: string
  principal: string
  normalInterest: string
  overdueInterest: string
  penaltyInterest: string
  compoundInterest: string
}

export function loanFigures(loans: LoanRow[], principalSection?: PrefillSection): LoanFigures[] {
  const live =
    principalSection?.status === 'ok'
      ? new Map((principalSection.data as CoreBalance[]).map((b) => [b.loanNo, b]))
      : new Map<string, CoreBalance>()
  return loans.map((loan) => {
    const core = live.get(loan.loan_no)
    const common = {
      loanId: Number(loan.id),
      loanNo: loan.loan_no,
      fiveClass: loan.five_class,
      overdueDays: Number(loan.overdue_days),
    }
    if (core) {
      return {
        ...common,
        principal: Money.fromYuan(core.principal),
        interest: Money.sum(
          [
            core.normalInterest,
            core.overdueInterest,
            core.penaltyInterest,
            core.compoundInterest,
          ].map((v) => Money.fromYuan(v))
        ),
        source: 'core-banking' as const,
      }
    }
    return {
      ...common,
      principal: Money.fromFen(loan.balance_fen),
      interest: Money.sum(
        [loan.overdue_interest_fen, loan.penalty_interest_fen, loan.compound_interest_fen].map(
          (v) => Money.fromFen(v)
        )
      ),
      source: 'book' as const,
    }
  })
}
