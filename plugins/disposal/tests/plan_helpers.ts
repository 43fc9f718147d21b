/*
| Test DSL for 处置预案: a customer of the small demo book at 朝阳支行 with
| active loans, an applicant there, and the approvers of the default chain —
| 李北京资产 bj_asset (分行资产管理) and 王总行风险 hq_risk (总行风险管理, from
| 1 000 000.00 yuan of principal up).
*/
import db from '@adonisjs/lucid/services/db'
import { orgId, userWith } from '#tests/helpers/auth'

export const PLAN_API = '/api/disposal'

/** The 朝阳 customer with the largest active balance, its loans, and that balance pushed to `atLeastFen`. */
export async function chaoyangCustomer(atLeastFen = 150_000_000n) {
  const org = await orgId('110101')
  const row = await db
    .from('ca_loans')
    .where('org_id', org)
    .where('status', 'active')
    .groupBy('customer_id')
    .select('customer_id')
    .sum('balance_fen as total')
    .orderBy('total', 'desc')
    .first()
  if (!row) throw new Error('the small book has no active loan at 110101')
  const customer = await db.from('ca_customers').where('id', row.customer_id).firstOrFail()
  const loans = await db
    .from('ca_loans')
    .where('customer_id', customer.id)
    .where('org_id', org)
    .where('status', 'active')
    .orderBy('id')
  // The tiers need a plan above the 总行 threshold: raise the first loan's balance if short.
  const total = loans.reduce((sum, l) => sum + BigInt(l.balance_fen), 0n)
  if (total < atLeastFen) {
    await db
      .from('ca_loans')
      .where('id', loans[0].id)
      .update({ balance_fen: String(BigInt(loans[0].balance_fen) + atLeastFen - total) })
  }
  return { customer, loanIds: loans.map((l) => Number(l.id)) }
}

export async function chaoyangApplicant() {
  return userWith({
    permissions: ['disposal:plan:create', 'disposal:plan:list', 'disposal:plan:export'],
    dataScope: 'org_and_below',
    orgCode: '110101',
  })
}

export function planBody(
  customerId: number,
  loanIds: number[],
  extra: Record<string, unknown> = {}
) {
  return {
    customerId,
    loanIds,
    method: 'litigation',
    expectedRecovery: '880000.50',
    reasons: '借款人经营困难，逾期超过 90 天，担保人有可供执行财产，拟提起诉讼。',
    ...extra,
  }
}
