/*
| Test DSL for the customer view: `bookLoan` (credit-assets) books a customer
| with one loan; `addLoan` books another loan for the same customer, and
| `fakeBankSystems` answers the external panels without a network.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/support/db_time'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'

let counter = 0

export async function addLoan(
  customerId: number,
  spec: {
    orgId: number
    balanceFen: string
    fiveClass?: string
    riskAsset?: boolean
    status?: string
    interestFen?: string
  }
) {
  counter++
  const tag = `${process.pid}x${counter}`
  const now = dbNow()
  const [contractId] = await db.table('ca_contracts').insert({
    contract_no: `CVH${tag}`,
    customer_id: customerId,
    product: 'working_capital',
    org_id: spec.orgId,
    currency: 'CNY',
    amount_fen: spec.balanceFen,
    start_date: '2025-01-01',
    maturity_date: '2027-01-01',
    created_at: now,
  })
  const loanNo = `CVL${tag}`
  const [loanId] = await db.table('ca_loans').insert({
    loan_no: loanNo,
    contract_id: contractId,
    customer_id: customerId,
    product: 'working_capital',
    org_id: spec.orgId,
    currency: 'CNY',
    amount_fen: spec.balanceFen,
    balance_fen: spec.balanceFen,
    rate: '0.043500',
    start_date: '2025-01-01',
    maturity_date: '2027-01-01',
    repayment_method: 'interest_monthly',
    on_balance_interest_fen: spec.interestFen ?? '0',
    off_balance_interest_fen: spec.interestFen ?? '0',
    five_class: spec.fiveClass ?? 'normal',
    status: spec.status ?? 'active',
    created_at: now,
    updated_at: now,
  })
  if (spec.riskAsset)
    await db.table('ca_risk_assets').insert({
      loan_id: loanId,
      customer_id: customerId,
      org_id: spec.orgId,
      status: 'managed',
      entered_on: '2026-01-01',
      created_at: now,
      updated_at: now,
    })
  return { loanId: Number(loanId), loanNo }
}

/** Adapters answering from memory; override one method to make its panel fail. */
export function fakeBankSystems(
  overrides: Partial<
    Record<'alerts' | 'graph' | 'collections' | 'creditLines', () => Promise<unknown>>
  > = {}
) {
  const unused = new Proxy(
    {},
    { get: () => () => Promise.reject(new Error('not used by the customer view')) }
  )
  return {
    warning: {
      alerts:
        overrides.alerts ??
        (async () => [
          {
            kind: 'litigation',
            title: '买卖合同纠纷',
            occurredOn: '2026-03-01',
            source: '裁判文书网',
            level: 'high',
          },
        ]),
    },
    riskControl: {
      relationshipGraph:
        overrides.graph ??
        (async (no: string) => ({
          nodes: [
            { id: no, name: '客户', kind: 'customer' },
            { id: 'P1', name: '张三', kind: 'person' },
          ],
          links: [{ source: 'P1', target: no, relation: 'legal_rep' }],
        })),
    },
    collection: {
      records:
        overrides.collections ??
        (async () => [
          {
            date: '2026-04-01',
            method: 'phone',
            collector: '李四',
            result: '承诺还款',
            promisedAmount: '1000.00',
          },
        ]),
    },
    creditLimit: {
      creditLines:
        overrides.creditLines ??
        (async () => [
          {
            lender: '本行',
            product: '流动资金',
            limit: '5000000.00',
            used: '1000000.00',
            expiresOn: '2027-01-01',
            insideBank: true,
          },
        ]),
    },
    coreBanking: unused,
    collateral: unused,
    customerCenter: unused,
    dataPlatform: unused,
    imaging: unused,
    postLoan: unused,
    creditPortal: unused,
    approvalFlow: unused,
    messaging: unused,
  } as unknown as BankSystems
}

/** Reads a binary response (xlsx) as a Buffer in the Japa client. */
export function binaryParser(res: any, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}
