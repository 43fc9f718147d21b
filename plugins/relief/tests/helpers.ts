/*
| Shared steps of the relief specs: the business date, the book, a plan body
| whose buckets come from 利息试算 (so the figures are exact and known), the
| approval through the workflow API and draining the outbox.
*/
import db from '@adonisjs/lucid/services/db'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'
import { Money } from '#core/money/money'
import type { ApiClient } from '@japa/api-client'
import type { CreditBook } from '../../credit-assets/fixtures/book_fixture.js'

export const API = '/api/relief'
export const BUSINESS_DATE = '2026-07-01'
export const FAST: DeliveryOptions = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 80,
  retries: 0,
  maxAttempts: 50,
}

export async function drain(options: DeliveryOptions = FAST) {
  for (let round = 0; round < 30; round++) {
    await outbox.deliverDue(options)
    const due = await db
      .from('outbox_messages')
      .where('status', 'pending')
      .where('idempotency_key', 'like', 'relief:%')
      .count('* as n')
      .first()
    if (!Number(due.n)) return
    await new Promise((resolve) => setTimeout(resolve, 30))
  }
}

export const zeroRelief = () => ({
  penalty: '0.00',
  compound: '0.00',
  onInterest: '0.00',
  offInterest: '0.00',
  principal: '0.00',
})

/** The loan's buckets from 利息试算 on `date` through the relief route. */
export async function trialBuckets(
  client: ApiClient,
  token: string,
  loanId: number,
  date = BUSINESS_DATE
) {
  const response = await client
    .post(`${API}/buckets`)
    .bearerToken(token)
    .json({ loanIds: [loanId], source: 'trial', date })
  response.assertStatus(200)
  return response.body().data[0].owed as Record<string, string>
}

/**
 * 40% of the interest owed (复利 first, then 表内利息), rounded down to the fen:
 * under the default 50% rule, so no committee.
 */
export function modestRelief(owed: Record<string, string>) {
  const compound = BigInt(Money.fromYuan(owed.compound).toFen())
  const onInterest = BigInt(Money.fromYuan(owed.onInterest).toFen())
  const target = ((compound + onInterest) * 2n) / 5n
  const fromCompound = target < compound ? target : compound
  const yuan = (fen: bigint) => Money.fromFen(fen.toString()).toYuan()
  return { ...zeroRelief(), compound: yuan(fromCompound), onInterest: yuan(target - fromCompound) }
}

export function planBody(
  customerId: number,
  loanId: number,
  relief: Record<string, string>,
  extra: Record<string, unknown> = {}
) {
  return {
    debtorRole: 'borrower',
    customerId,
    planDate: BUSINESS_DATE,
    bucketSource: 'trial',
    bucketDate: BUSINESS_DATE,
    loans: [{ loanId, relief }],
    payAmount: '600000.00',
    paymentMode: 'instalments',
    instalments: [
      { dueDate: '2026-07-31', amount: '300000.00' },
      { dueDate: '2026-08-31', amount: '300000.00' },
    ],
    conditions: '债务人按期足额还款后减免生效；违约则减免取消',
    ...extra,
  }
}

export async function approveAll(client: ApiClient, instanceId: number, tokens: string[]) {
  for (const token of tokens) {
    const open = await db.from('wf_instances').where('id', instanceId).first()
    if (open.status !== 'pending') return
    const acted = await client
      .post(`/api/workflow/instances/${instanceId}/approve`)
      .bearerToken(token)
      .json({ comment: '同意' })
    if (acted.status() !== 200 && acted.status() !== 403) acted.assertStatus(200)
  }
}

/** The business date and the shared book with a branch and a head-office approver. */
export async function reliefBook() {
  const { businessDate } = await import('#core/business_day/business_date')
  const { buildBook } = await import('#tests/fixtures/book')
  await businessDate.set(BUSINESS_DATE)
  const book = await buildBook({
    roles: { branchManager: ['branch_asset_manager'], headOfficeRisk: ['hq_risk_manager'] },
  })
  const { loans } = book.data['credit-assets'] as unknown as CreditBook
  return { book, loans, loan: loans.substandard, maker: book.people.accountManagerB }
}
