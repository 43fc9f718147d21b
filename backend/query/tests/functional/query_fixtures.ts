/*
| Test DSL for 综合查询: a small book of risk assets tagged with a unique
| customer-name prefix, so a query narrowed by `customerName like <tag>` sees
| exactly these rows whatever the demo data holds; `q()` builds a query spec.
*/
import db from '@adonisjs/lucid/services/db'
import { bookLoan } from '../../../../plugins/credit-assets/fixtures/book_fixture.js'

export const DATASET = 'credit-assets:risk-assets'

let counter = 0

export async function riskBook() {
  counter++
  const tag = `QT${process.pid}x${counter}`
  const a = await bookLoan({
    orgCode: '110101',
    fiveClass: 'substandard',
    overdueDays: 120,
    balanceFen: '123456789',
    customerName: `${tag}甲公司`,
    riskAsset: true,
  })
  const b = await bookLoan({
    orgCode: '310101',
    fiveClass: 'doubtful',
    overdueDays: 400,
    balanceFen: '100',
    customerName: `${tag}乙%_!公司`,
    riskAsset: true,
  })
  const c = await bookLoan({
    orgCode: '110101',
    fiveClass: 'substandard',
    overdueDays: 95,
    balanceFen: '9007199254740993',
    customerName: `${tag}丙公司`,
    riskAsset: true,
  })
  return { tag, a, b, c }
}

type Condition = { field: string; op: string; value?: string; values?: string[] }
type Group = { logic: 'and' | 'or'; items: (Condition | Group)[] }

/** A query over the test book (tag condition first), with more conditions AND-ed. */
export function q(
  tag: string,
  extra: Partial<Record<string, unknown>> = {},
  more: (Condition | Group)[] = []
) {
  return {
    dataset: DATASET,
    fields: ['loanNo', 'customerName', 'balance', 'fiveClass'],
    where: {
      logic: 'and',
      items: [{ field: 'customerName', op: 'like', value: tag }, ...more],
    },
    sort: [{ field: 'balance', order: 'desc' }],
    ...extra,
  }
}

export async function snapshot(date: string, loanId: number, patch: Record<string, unknown> = {}) {
  const loan = await db.from('ca_loans').where('id', loanId).firstOrFail()
  await db.table('ca_loan_snapshots').insert({
    snapshot_date: date,
    loan_id: loanId,
    customer_id: loan.customer_id,
    org_id: loan.org_id,
    manager_id: loan.manager_id,
    product: loan.product,
    five_class: loan.five_class,
    status: loan.status,
    risk_status: 'managed',
    balance_fen: loan.balance_fen,
    overdue_days: loan.overdue_days,
    overdue_principal_fen: 0,
    overdue_interest_fen: 0,
    penalty_interest_fen: 0,
    compound_interest_fen: 0,
    on_balance_interest_fen: 0,
    off_balance_interest_fen: 0,
    ...patch,
  })
}
