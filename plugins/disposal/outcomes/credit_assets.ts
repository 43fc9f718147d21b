/*
| Every read of credit-assets data the outcome code makes, in one file, all
| through what credit-assets publishes (its lookups for set-based SQL, its
| risk_events writer): the loans and customer an outcome is about, the
| risk-asset timeline events and the repayments after handover that the
| recovery flow turns into 清收 outcomes.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { recordRiskEvents } from '../../credit-assets/services/risk_events.js'
import { joinRiskSince, riskSinceSql } from '../../credit-assets/services/risk_since.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

/** The database service or a transaction (reads only). */
type Reader = Pick<QueryClientContract, 'from' | 'raw'>

export interface OutcomeLoan {
  id: number
  loanNo: string
  customerId: number
  orgId: number
  managerId: number | null
}

export interface OutcomeCustomer {
  id: number
  customerNo: string
  name: string
  orgId: number
  managerId: number | null
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** The loans by id (missing ids are simply absent) and their customers. */
export async function loansAndCustomers(client: Reader, loanIds: number[]) {
  const loans = await client
    .from(book.loans.table)
    .whereIn('id', loanIds)
    .orderBy('id')
    .select('id', 'loan_no', 'customer_id', 'org_id', 'manager_id')
  const customerIds = [...new Set(loans.map((l) => Number(l.customer_id)))]
  const customers = customerIds.length
    ? await client
        .from(book.customers.table)
        .whereIn('id', customerIds)
        .select('id', 'customer_no', 'name', 'org_id', 'manager_id')
    : []
  return {
    loans: loans.map((l): OutcomeLoan => ({
      id: Number(l.id),
      loanNo: l.loan_no,
      customerId: Number(l.customer_id),
      orgId: Number(l.org_id),
      managerId: num(l.manager_id),
    })),
    customers: customers.map((c): OutcomeCustomer => ({
      id: Number(c.id),
      customerNo: c.customer_no,
      name: c.name,
      orgId: Number(c.org_id),
      managerId: num(c.manager_id),
    })),
  }
}

/** One `disposal` event on each loan's 风险资产时间轴, in the caller's transaction. */
export function addDisposalEvents(
  client: QueryClientContract,
  events: Array<{
    loanId: number
    customerId: number
    businessDate: string
    after: Record<string, unknown>
    operatorId: number | null
  }>
) {
  return recordRiskEvents(
    client,
    events.map((e) => ({ type: 'disposal' as const, ...e }))
  )
}

export interface Recovery {
  repaymentId: number
  loanId: number
  loanNo: string
  paidOn: string
  principalFen: string
  cashFen: string
  /** credit_assets_recovery_method tagged by 交易流水确认 (null: not confirmed, 现金清收). */
  recoveryMethod: string | null
}

const recoveryQuery = (client: Reader) =>
  joinRiskSince(
    client
      .from(book.repayments.as('p'))
      .join(book.riskAssets.as('r'), 'r.loan_id', 'p.loan_id')
      .join(book.loans.as('l'), 'l.id', 'p.loan_id')
  )
    .whereRaw(`p.paid_on >= ${riskSinceSql()}`)
    .select(
      'p.id',
      'p.loan_id',
      'l.loan_no',
      'p.paid_on',
      'p.recovery_method',
      client.raw('CAST(p.principal_fen AS CHAR) as principal_fen'),
      client.raw('CAST(p.principal_fen + p.interest_fen + p.penalty_fen AS CHAR) as cash_fen')
    )

const recoveryOf = (r: any): Recovery => ({
  repaymentId: Number(r.id),
  loanId: Number(r.loan_id),
  loanNo: r.loan_no,
  paidOn: dateText(r.paid_on),
  principalFen: String(r.principal_fen),
  cashFen: String(r.cash_fen),
  recoveryMethod: r.recovery_method ?? null,
})

/** One repayment as a recovery, or null when it is not one (paid before the 风险起始日). */
export async function recoveryById(client: Reader, repaymentId: number) {
  const row = await recoveryQuery(client).where('p.id', repaymentId).first()
  return row ? recoveryOf(row) : null
}

/**
 * Repayments on risk assets paid on or after the loan's 风险起始日 (the same
 * rule 目标管理 used for 清收), by id after `afterId`, paid on or before
 * `through`: the recovery flow's 清收 outcomes.
 */
export async function recoveriesAfter(
  client: Reader,
  afterId: number,
  through: string,
  limit: number
): Promise<Recovery[]> {
  const rows = await recoveryQuery(client)
    .where('p.id', '>', afterId)
    .where('p.paid_on', '<=', through)
    .orderBy('p.id')
    .limit(limit)
  return rows.map(recoveryOf)
}

/** A DATE column as 'YYYY-MM-DD' (mysql2 may give a Date at local midnight). */
export function dateText(value: unknown): string {
  if (value instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0')
    return `${value.getFullYear()}-${p(value.getMonth() + 1)}-${p(value.getDate())}`
  }
  return String(value).slice(0, 10)
}

/** Book figures of loans (the loans lookup) for a demo plan: balance, class, overdue days. */
export async function loanBookFigures(client: Reader, loanIds: number[]) {
  const rows = await client
    .from(book.loans.table)
    .whereIn('id', loanIds)
    .orderBy('id')
    .select(
      'id',
      'loan_no',
      'five_class',
      'overdue_days',
      client.raw('CAST(balance_fen AS CHAR) as balance_fen')
    )
  return rows.map((r) => ({
    loanId: Number(r.id),
    loanNo: r.loan_no as string,
    balanceFen: String(r.balance_fen),
    fiveClass: r.five_class as string,
    overdueDays: Number(r.overdue_days),
  }))
}
