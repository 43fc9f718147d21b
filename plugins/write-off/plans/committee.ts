/*
| 上会: a plan whose total reaches 参数 write-off.committeeThreshold goes, once
| approved through the workflow, to the 资产处置委员会 as an item of kind
| `write-off:plan` (committee's public service), with its 核销报告 and the
| 上会材料 uploaded so far. The committee's decision comes back through
| `committeeDecided` (registered in startup.ts), in the announcing
| transaction, and registers the 上会情况 on the plan: 通过 → 待批复,
| 不通过 → 未通过 (the subjects are free again), 复议 → stays 待上会.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { submitItem, type DecidedContext } from '../../committee/services/committee_api.js'
import { ITEMS, PLANS } from './plan_store.js'
import { movePlan } from './plan_service.js'
import { WriteOffError } from './write_off_error.js'

export const COMMITTEE_KIND = 'write-off:plan'
export const planLink = (id: string | number) => `/p/write-off/Replies?id=${id}`

export async function sendToCommittee(
  trx: TransactionClientContract,
  planId: number,
  _actorId: number
) {
  const plan = await trx.from(PLANS).where('id', planId).first()
  const materials = await trx.from('write_off_materials').where('plan_id', planId).orderBy('id')
  const managers = await trx
    .from(ITEMS)
    .where('plan_id', planId)
    .whereNotNull('manager_id')
    .distinct('manager_id')
  const itemId = await submitItem(trx, {
    kind: COMMITTEE_KIND,
    title: `核销方案 ${plan.plan_no} ${plan.title}`.slice(0, 200),
    amount: Money.fromFen(String(plan.total_fen)).toYuan(),
    recordRef: { plugin: 'write-off', kind: 'plan', id: planId },
    orgId: Number(plan.org_id),
    materials: [
      { name: `核销报告 ${plan.plan_no}`, link: planLink(planId) },
      // The files are on the 影像平台; the agenda links to the page that opens them.
      ...materials.map((m: any) => ({
        name: m.title,
        link: `/p/write-off/CommitteeMaterials?id=${planId}`,
      })),
    ],
    submittedBy: Number(plan.created_by),
    // 经办 and 管户 are party to the item: they abstain where the meeting's rule says so.
    parties: [Number(plan.created_by), ...managers.map((m: any) => Number(m.manager_id))],
  })
  await trx
    .from(PLANS)
    .where('id', planId)
    .update({ committee_ref: String(itemId) })
}

/** The committee's decision on a plan (上会情况登记), inside the announcement. */
export async function committeeDecided(ctx: DecidedContext) {
  const planId = Number(ctx.item.recordRef.id)
  const plan = await ctx.trx.from(PLANS).where('id', planId).first()
  if (!plan) throw new WriteOffError(404, '核销方案不存在')
  const facts = {
    committee_result: ctx.decision,
    committee_decided_on: ctx.meeting.date,
    committee_remark: `${ctx.meeting.meetingNo} ${ctx.resolutionNo}`.slice(0, 1000),
  }
  if (ctx.decision === 'passed') await movePlan(ctx.trx, planId, ['committee'], 'approved', facts)
  else if (ctx.decision === 'rejected')
    await movePlan(ctx.trx, planId, ['committee'], 'rejected', facts)
  else await movePlan(ctx.trx, planId, ['committee'], 'committee', facts)
}
