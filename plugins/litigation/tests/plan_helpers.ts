/*
| Test DSL for 诉前方案: a customer of the small generated book at 朝阳支行 made
| "troubled" (a loan 120 days overdue, so 智能催收 has records for it), an applicant
| there, and the body of a plan. Approvers of the default chain: 李北京资产 bj_asset
| (分行资产管理) and 王总行风险 hq_risk (总行风险管理, from 1 000 000.00 yuan up).
*/
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'
import { orgId, userWith } from '#tests/helpers/auth'
import type { Simulator } from '../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../bank-systems/simulator/harness.js'

export const LIT_API = '/api/litigation'

export const PLAN_PERMISSIONS = [
  'litigation:plan:create',
  'litigation:plan:list',
  'credit-assets:loan:list',
]

/**
 * The 朝阳 customer with the largest active balance, its active loans, and that balance
 * set to `totalFen` on the first loan (the 授权 tier is on 标的金额: principal + interest).
 */
export async function troubledCustomer(totalFen?: bigint) {
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
  await db.from('ca_loans').where('id', loans[0].id).update({ overdue_days: 120 })
  if (totalFen !== undefined) {
    // One loan carries the whole amount, no interest: the tier test knows the exact total.
    await db
      .from('ca_loans')
      .whereIn(
        'id',
        loans.map((l) => l.id)
      )
      .update({
        balance_fen: 0,
        overdue_interest_fen: 0,
        penalty_interest_fen: 0,
        compound_interest_fen: 0,
        on_balance_interest_fen: 0,
      })
    await db
      .from('ca_loans')
      .where('id', loans[0].id)
      .update({ balance_fen: String(totalFen) })
  }
  return { customer, loanIds: loans.map((l) => Number(l.id)) }
}

export async function chaoyangApplicant() {
  return userWith({ permissions: PLAN_PERMISSIONS, dataScope: 'org_and_below', orgCode: '110101' })
}

export function litPlanBody(
  customerId: number,
  loanIds: number[],
  extra: Record<string, unknown> = {}
) {
  return {
    customerId,
    loanIds,
    caseType: 'financial_loan_contract',
    judicialMethod: 'litigation',
    bankRole: 'plaintiff',
    businessSegment: 'corporate',
    cause: '金融借款合同纠纷',
    applicationReason: '借款人逾期超过 90 天，多次催收未果，保证人有可供执行财产，拟提起诉讼。',
    ...extra,
  }
}

/**
 * The group's bank-systems simulator (started once) and, per test, a rolled-back
 * transaction with the adapters pointed at a reset simulator. Returns the simulator's getter.
 */
export function withSimulator(group: Group): () => Simulator {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    return async () => {
      await rollback()
      resetBreakers()
    }
  })
  return () => sim
}
