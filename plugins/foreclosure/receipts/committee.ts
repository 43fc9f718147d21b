/*
| 上会: a receipt whose 抵债金额 reaches 参数 foreclosure.committeeThreshold goes,
| once approved through the workflow, to the 资产处置委员会 as an item of kind
| `foreclosure:receipt` (committee's public service). The decision comes back
| through `committeeDecided` (registered in startup.ts) in the announcing
| transaction: 通过 → 已批准, 不通过 → 未通过, 复议 → stays 待上会.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { submitItem, type DecidedContext } from '../../committee/services/committee_api.js'
import { RECEIPTS } from './store.js'
import { moveReceipt } from './service.js'
import { ForeclosureError } from './foreclosure_error.js'

export const COMMITTEE_KIND = 'foreclosure:receipt'
export const receiptLink = (id: string | number) => `/p/foreclosure/Receipts?id=${id}`

export async function sendToCommittee(trx: TransactionClientContract, receiptId: number) {
  const r = await trx.from(RECEIPTS).where('id', receiptId).first()
  const itemId = await submitItem(trx, {
    kind: COMMITTEE_KIND,
    title: `以资抵债 ${r.receipt_no} ${r.customer_name} ${r.asset_name}`.slice(0, 200),
    amount: Money.fromFen(String(r.agreed_fen)).toYuan(),
    recordRef: { plugin: 'foreclosure', kind: 'receipt', id: receiptId },
    orgId: Number(r.org_id),
    materials: [{ name: `抵债资产收取 ${r.receipt_no}`, link: receiptLink(receiptId) }],
    submittedBy: Number(r.created_by),
    parties: [Number(r.created_by)],
  })
  await trx
    .from(RECEIPTS)
    .where('id', receiptId)
    .update({ committee_ref: String(itemId) })
}

export async function committeeDecided(ctx: DecidedContext) {
  const receiptId = Number(ctx.item.recordRef.id)
  const r = await ctx.trx.from(RECEIPTS).where('id', receiptId).first()
  if (!r) throw new ForeclosureError(404, '抵债资产收取记录不存在')
  const facts = { committee_result: ctx.decision }
  if (ctx.decision === 'passed')
    await moveReceipt(ctx.trx, receiptId, ['committee'], 'approved', facts)
  else if (ctx.decision === 'rejected')
    await moveReceipt(ctx.trx, receiptId, ['committee'], 'rejected', facts)
  else await moveReceipt(ctx.trx, receiptId, ['committee'], 'committee', facts)
}
