/*
| 上会: an application whose book value reaches 参数 transfer.committeeThreshold
| goes, once approved through the workflow, to the 资产处置委员会 as an item of
| kind `transfer:application` (committee's public service). The decision comes
| back through `committeeDecided` (registered in startup.ts) in the announcing
| transaction: 通过 → 已批准, 不通过 → 未通过 (the loans are free again), 复议 →
| stays 待上会.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { submitItem, type DecidedContext } from '../../committee/services/committee_api.js'
import { APPS } from './store.js'
import { moveApp } from './service.js'
import { TransferError } from './transfer_error.js'

export const COMMITTEE_KIND = 'transfer:application'
export const appLink = (id: string | number) => `/p/transfer/Applications?id=${id}`

export async function sendToCommittee(trx: TransactionClientContract, appId: number) {
  const app = await trx.from(APPS).where('id', appId).first()
  const itemId = await submitItem(trx, {
    kind: COMMITTEE_KIND,
    title: `债权转让 ${app.app_no} ${app.customer_name}`.slice(0, 200),
    amount: Money.fromFen(String(app.book_fen)).toYuan(),
    recordRef: { plugin: 'transfer', kind: 'application', id: appId },
    orgId: Number(app.org_id),
    materials: [{ name: `债权转让申请 ${app.app_no}`, link: appLink(appId) }],
    submittedBy: Number(app.created_by),
    parties: [Number(app.created_by)],
  })
  await trx
    .from(APPS)
    .where('id', appId)
    .update({ committee_ref: String(itemId) })
}

export async function committeeDecided(ctx: DecidedContext) {
  const appId = Number(ctx.item.recordRef.id)
  const app = await ctx.trx.from(APPS).where('id', appId).first()
  if (!app) throw new TransferError(404, '债权转让申请不存在')
  const facts = { committee_result: ctx.decision }
  if (ctx.decision === 'passed') await moveApp(ctx.trx, appId, ['committee'], 'approved', facts)
  else if (ctx.decision === 'rejected')
    await moveApp(ctx.trx, appId, ['committee'], 'rejected', facts)
  else await moveApp(ctx.trx, appId, ['committee'], 'committee', facts)
}
