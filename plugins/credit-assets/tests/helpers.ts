/*
| Test DSL for credit assets: `bookLoan({ orgCode, fiveClass, overdueDays })`
| books a customer, contract and loan (and, with `riskAsset`, hands it over)
| straight into the tables, as the data platform would.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/support/db_time'
import { orgId } from '#tests/helpers/auth'

let counter = 0

export interface LoanSpec {
  orgCode?: string
  fiveClass?: string
  overdueDays?: number
  balanceFen?: string
  amountFen?: string
  customerName?: string
  managerId?: number | null
  riskAsset?: boolean
}

export async function bookLoan(spec: LoanSpec = {}) {
  counter++
  const tag = `${process.pid}${counter}`
  const now = dbNow()
  const org = await orgId(spec.orgCode ?? '110101')
  const [customerId] = await db.table('ca_customers').insert({
    customer_no: `TC${tag}`,
    name: spec.customerName ?? `测试客户${tag}`,
    customer_type: 'corporate',
    id_type: 'uscc',
    id_no: `91TEST${tag}`,
    org_id: org,
    manager_id: spec.managerId ?? null,
    created_at: now,
    updated_at: now,
  })
  const amount = spec.amountFen ?? '100000000'
  const [contractId] = await db.table('ca_contracts').insert({
    contract_no: `TH${tag}`,
    customer_id: customerId,
    product: 'working_capital',
    org_id: org,
    currency: 'CNY',
    amount_fen: amount,
    start_date: '2025-01-01',
    maturity_date: '2027-01-01',
    created_at: now,
  })
  const [loanId] = await db.table('ca_loans').insert({
    loan_no: `TL${tag}`,
    contract_id: contractId,
    customer_id: customerId,
    product: 'working_capital',
    org_id: org,
    manager_id: spec.managerId ?? null,
    currency: 'CNY',
    amount_fen: amount,
    balance_fen: spec.balanceFen ?? amount,
    rate: '0.043500',
    start_date: '2025-01-01',
    maturity_date: '2027-01-01',
    repayment_method: 'interest_monthly',
    overdue_days: spec.overdueDays ?? 0,
    five_class: spec.fiveClass ?? 'normal',
    status: 'active',
    created_at: now,
    updated_at: now,
  })
  if (spec.riskAsset) {
    await db.table('ca_risk_assets').insert({
      loan_id: loanId,
      customer_id: customerId,
      org_id: org,
      manager_id: spec.managerId ?? null,
      status: 'managed',
      entered_on: '2026-01-01',
      created_at: now,
      updated_at: now,
    })
  }
  return { loanId: Number(loanId), customerId: Number(customerId), orgId: org }
}

/** Rows of a table for one loan, oldest first. */
export const rowsOf = (table: string, loanId: number) =>
  db.from(table).where('loan_id', loanId).orderBy('id')
