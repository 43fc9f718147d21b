/*
| 五级分类调整: a clerk applies for a new class of a non-credit asset with a
| reason; the application goes to approval (workflow type
| non-credit:classification, the book value as the amount for the 授权 tiers)
| and the class changes only when it is approved — in the decision's
| transaction, with the history row, today's snapshot and the audit row. One
| application per asset at a time.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { findAsset } from './assets.js'
import { ASSETS, CHANGES, DAYS, NonCreditError } from './tables.js'

export const WORKFLOW_TYPE = 'non-credit:classification'
const CLASS_ZH: Record<string, string> = {
  normal: '正常',
  special_mention: '关注',
  substandard: '次级',
  doubtful: '可疑',
  loss: '损失',
}

export async function applyForClass(
  ctx: HttpContext,
  access: UserAccess,
  assetId: number,
  input: { toClass: string; reason: string }
) {
  const asset = await findAsset(access, assetId)
  if (input.toClass === asset.fiveClass)
    throw new NonCreditError(
      422,
      '调整后的分类与当前分类相同',
      'The new class is the current class',
      'toClass'
    )
  return db.transaction(async (trx) => {
    const locked = await trx.from(ASSETS).where('id', assetId).forUpdate().first()
    if (await trx.from(CHANGES).where('asset_id', assetId).where('status', 'pending').first())
      throw new NonCreditError(
        409,
        '该资产已有审批中的分类调整',
        'A reclassification of this asset is under approval'
      )
    const now = dbNow()
    const [changeId] = await trx.table(CHANGES).insert({
      asset_id: assetId,
      from_class: locked.five_class,
      to_class: input.toClass,
      source: 'manual',
      status: 'pending',
      reason: input.reason,
      applied_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    const { instanceId } = await submitForApproval({
      type: WORKFLOW_TYPE,
      businessId: String(changeId),
      title: `非信贷资产分类调整 ${asset.assetNo} ${asset.counterparty} ${CLASS_ZH[locked.five_class] ?? locked.five_class}→${CLASS_ZH[input.toClass] ?? input.toClass}`,
      amount: asset.bookValue,
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
    await trx.from(CHANGES).where('id', changeId).update({ workflow_instance_id: instanceId })
    await audit.record(ctx, {
      action: 'non-credit.class.apply',
      entityType: 'non_credit_asset',
      entityId: assetId,
      before: { fiveClass: locked.five_class },
      after: {
        toClass: input.toClass,
        reason: input.reason,
        changeId: Number(changeId),
        instanceId,
      },
      trx,
    })
    return { changeId: Number(changeId), workflowInstanceId: instanceId, status: 'pending' }
  })
}

type Outcome = 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'resubmitted'

/** The workflow's decision on an application, in the decision's transaction. */
export async function decideClass(
  trx: TransactionClientContract,
  changeId: number,
  outcome: Outcome,
  actorId: number
) {
  const change = await trx.from(CHANGES).where('id', changeId).forUpdate().first()
  const expected = outcome === 'resubmitted' ? 'returned' : 'pending'
  if (!change || change.status !== expected)
    throw new Error(`分类调整 ${changeId} 不在${expected === 'pending' ? '审批中' : '退回'}状态`)
  const now = dbNow()
  const status = {
    approved: 'effective',
    rejected: 'rejected',
    returned: 'returned',
    withdrawn: 'withdrawn',
    resubmitted: 'pending',
  }[outcome]
  const today = await businessDate.current()
  await trx
    .from(CHANGES)
    .where('id', changeId)
    .update({
      status,
      decided_by: outcome === 'resubmitted' ? null : actorId,
      effective_on: outcome === 'approved' ? today : null,
      updated_at: now,
    })
  const asset = await trx.from(ASSETS).where('id', change.asset_id).forUpdate().first()
  if (outcome === 'approved') {
    // The current class may have moved since the application (the platform's feed): record from it.
    if (asset.five_class !== change.from_class)
      await trx.from(CHANGES).where('id', changeId).update({ from_class: asset.five_class })
    await trx
      .from(ASSETS)
      .where('id', change.asset_id)
      .update({ five_class: change.to_class, updated_at: now })
    await trx
      .from(DAYS)
      .where('asset_id', change.asset_id)
      .where('business_date', today)
      .update({ five_class: change.to_class })
  }
  const actor = await trx.from('users').where('id', actorId).select('username').first()
  await audit.record(null, {
    action: `non-credit.class.${outcome}`,
    entityType: 'non_credit_asset',
    entityId: Number(change.asset_id),
    before: { fiveClass: asset.five_class, status: change.status },
    after: {
      fiveClass: outcome === 'approved' ? change.to_class : asset.five_class,
      status,
      changeId,
    },
    actorUsername: actor?.username ?? null,
    trx,
  })
}
