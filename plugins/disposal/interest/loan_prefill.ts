/*
| Fills a trial from a real loan (借据): start date, rate and the bullet instalment
| from the loan, repayments from its repayment records — all read through
| credit-assets' book_api. The clerk then edits the form — the loan book has no
| repayment schedule, so instalments and 结息日 are a starting point, not the
| contract. Every read goes through the caller's data scope; a loan outside it
| is a 404 like a missing one.
*/
import db from '@adonisjs/lucid/services/db'
import { Exception } from '@adonisjs/core/exceptions'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { fromDayNumber, toDayNumber } from '#core/holidays/calendar_date'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { bookApi } from '../../credit-assets/services/book_api.js'
import type { TrialInput } from './types.js'
import { LIKE, likeContains } from '#core/db/like'

const scopedLoans = (access: UserAccess) =>
  applyDataScope(db.from(book.loans.as('l')), access, book.loans.scopeOf('l'))

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? '0')).toYuan()

export interface LoanOption {
  id: number
  loanNo: string
  customerName: string
  balance: string
  overdueDays: number
}

/** Loans in scope matching a loan number or customer name (at most 20, for a picker). */
export async function searchLoans(access: UserAccess, keyword?: string): Promise<LoanOption[]> {
  const query = scopedLoans(access)
    .join(book.customers.as('c'), 'c.id', 'l.customer_id')
    .select(
      'l.id',
      'l.loan_no',
      'c.name as customer_name',
      db.raw('CAST(l.balance_fen AS CHAR) as balance_text'),
      'l.overdue_days'
    )
    .orderBy('l.overdue_days', 'desc')
    .orderBy('l.id')
    .limit(20)
  if (keyword) {
    const like = likeContains(keyword)
    query.where((q) => q.whereRaw(LIKE, ['l.loan_no', like]).orWhereRaw(LIKE, ['c.name', like]))
  }
  const rows = await query
  return rows.map((r) => ({
    id: Number(r.id),
    loanNo: r.loan_no,
    customerName: r.customer_name,
    balance: yuan(r.balance_text),
    overdueDays: Number(r.overdue_days),
  }))
}

/**
 * 结息日 a repayment method implies: the 21st of every month (the usual 按月结息
 * day, interest computed to the 20th) up to maturity; none for 利随本清.
 */
function interestDates(method: string, start: string, maturity: string): string[] {
  if (method === 'bullet') return []
  const dates: string[] = []
  let [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))]
  for (let n = 0; n < 1200; n++) {
    const date = `${year}-${String(month).padStart(2, '0')}-21`
    if (date >= maturity) break
    if (date > start) dates.push(date)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return dates
}

export async function prefillFromLoan(
  access: UserAccess,
  loanId: number
): Promise<{ loan: LoanOption & { repaymentMethod: string }; input: TrialInput }> {
  const loan = await bookApi.loans.byId(loanId, { access })
  // Same answer as a missing id: the exception handler turns it into a 404.
  if (!loan) throw new Exception('loan not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
  const customer = await bookApi.customers.byId(loan.customerId)
  const repayments = await bookApi.repayments.byKeys([loan.id])
  const start = loan.startDate
  const maturity = loan.maturityDate
  return {
    loan: {
      id: loan.id,
      loanNo: loan.loanNo,
      customerName: customer?.name ?? '',
      balance: loan.balance,
      overdueDays: loan.overdueDays,
      repaymentMethod: loan.repaymentMethod,
    },
    input: {
      start,
      // A sensible default as-of date: today is unknown here, so the day after maturity.
      asOf: fromDayNumber(toDayNumber(maturity) + 1),
      rates: [{ from: start, annualRate: loan.rate.replace(/0+$/, '').replace(/\.$/, '') }],
      penaltySurcharge: '0.5',
      installments: [{ dueDate: maturity, principal: loan.amount }],
      interestDueDates: interestDates(loan.repaymentMethod, start, maturity),
      repayments: repayments.map((r) => ({
        date: r.paidOn,
        amount: Money.sum(
          [r.principal, r.interest, r.penalty].map((v) => Money.fromYuan(v))
        ).toYuan(),
      })),
    },
  }
}
