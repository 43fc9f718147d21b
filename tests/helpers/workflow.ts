/*
| Test DSL for approvals. A fake business type `wftest:plan` is registered in
| the workflow registry (no plugin needed) with a handler the test steers:
| it records each call and, when told, writes in the decision's transaction and
| then throws — the write must vanish with the decision.
|
| Demo bank: 张朝阳客户经理 bj_cy_am (朝阳支行 110101) applies; 李北京资产 bj_asset
| (branch_asset_manager at 北京分行 110000) approves node 1; 王总行风险 hq_risk
| (hq_risk_manager at 总行) approves node 2, only from 1 000 000.00 yuan up (授权).
*/
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'
import User from '#core/identity/user'
import type { WorkflowHandler, WorkflowHandlerContext } from '#core/plugins/types'
import { registerWorkflowType } from '#core/workflow/type_registry'
import { submitForApproval } from '#core/workflow/submit'
import { userWith } from './auth.js'

export const TEST_TYPE = 'wftest:plan'
export const TIER = '1000000.00'

export const handlerLog: Array<{ hook: string; instanceId: number; amount: string | null }> = []
export const handlerControl = { throwOn: null as string | null }

function hook(name: string) {
  return async (ctx: WorkflowHandlerContext) => {
    if (handlerControl.throwOn === name) {
      // A write in the decision's transaction, then a refusal: both must roll back.
      await ctx.trx.from('wf_instances').where('id', ctx.instance.id).update({ title: 'CHANGED' })
      throw new Error('处置预案已被冻结，不能审批通过')
    }
    handlerLog.push({ hook: name, instanceId: ctx.instance.id, amount: ctx.instance.amount })
  }
}

export const testHandler: WorkflowHandler = {
  onApproved: hook('approved'),
  onRejected: hook('rejected'),
  onReturned: hook('returned'),
  onWithdrawn: hook('withdrawn'),
  onResubmitted: hook('resubmitted'),
}

export function registerTestType() {
  registerWorkflowType(
    {
      code: TEST_TYPE,
      name: { zh: '测试处置预案', en: 'Test disposal plan' },
      handler: async () => ({ default: testHandler }),
      link: '/p/wftest/Plan?id={businessId}',
      amountTiers: true,
      defaultChain: [
        {
          name: { zh: '分行审批', en: 'Branch approval' },
          roles: ['branch_asset_manager'],
          org: 'branch',
          deadlineDays: 3,
        },
        {
          name: { zh: '总行审批', en: 'Head office approval' },
          roles: ['hq_risk_manager'],
          org: 'head',
          minAmount: TIER,
        },
      ],
    },
    'wftest'
  )
  handlerLog.length = 0
  handlerControl.throwOn = null
}

export async function userId(username: string) {
  return (await User.findByOrFail('username', username)).id
}

let plans = 0

/** The applicant submits a plan, as a plugin would, inside its own transaction. */
export async function submitPlan(amount: string | null, applicant = 'bj_cy_am') {
  const user = await User.findByOrFail('username', applicant)
  const businessId = `P${process.pid}-${++plans}`
  const { instanceId } = await db.transaction((trx) =>
    submitForApproval({
      type: TEST_TYPE,
      businessId,
      title: `处置预案 ${businessId}`,
      amount,
      applicantId: user.id,
      orgId: user.orgId,
      trx,
    })
  )
  return instanceId
}

export async function instanceRow(id: number) {
  return db.from('wf_instances').where('id', id).firstOrFail()
}

export async function historyOf(id: number) {
  const rows = await db.from('wf_history').where('instance_id', id).orderBy('id')
  return rows.map((r) => r.action as string)
}

export async function auditActionsOf(id: number) {
  const rows = await db
    .from('audit_logs')
    .where('entity_type', 'workflow_instance')
    .where('entity_id', String(id))
    .orderBy('id')
  return rows.map((r) => r.action as string)
}

export async function openTasks(id: number) {
  const rows = await db
    .from('wf_tasks as t')
    .join('users as u', 'u.id', 't.assignee_id')
    .where('t.instance_id', id)
    .where('t.status', 'pending')
    .select('u.username')
  return rows.map((r) => r.username as string)
}

/** The plugin resubmits a returned record with a changed amount (same business id). */
export async function resubmitPlan(instanceId: number, amount: string) {
  const row = await instanceRow(instanceId)
  const user = await User.findOrFail(row.applicant_id)
  return db.transaction((trx) =>
    submitForApproval({
      type: TEST_TYPE,
      businessId: row.business_id,
      title: row.title,
      amount,
      applicantId: user.id,
      orgId: user.orgId,
      trx,
    })
  )
}

/**
 * The per-test setup every approval spec group shares: each test runs in a
 * rolled-back transaction with `wftest:plan` registered and the handler reset.
 */
export function useWorkflowTestType(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())
}

/** A fresh user at the org holding a demo role (a second 分行资产经理), with a token. */
export async function staffWithRole(orgCode: string, roleCode: string | null) {
  const made = await userWith({ permissions: [], orgCode, dataScope: 'org_and_below' })
  if (roleCode) {
    const role = await db.from('roles').where('code', roleCode).firstOrFail()
    await db.table('user_roles').insert({ user_id: made.user.id, role_id: role.id })
  }
  return made
}
