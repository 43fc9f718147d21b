/*
| 上会: an approved package at or above 参数 batch-disposal.committeeThreshold goes
| to the 资产处置委员会 as an item of kind `batch-disposal:package` (committee's
| public service); the decision comes back through `committeeDecided`
| (registered in startup.ts) in the announcing transaction: 通过 → 已批准,
| 不通过 → 已否决 (the loans go back to the pool), 复议 → stays 待上会.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { submitItem, type DecidedContext } from '../../committee/services/committee_api.js'
import { PACKAGES } from './store.js'
import { movePackage, packageFigures } from './packages.js'
import { BatchError } from './batch_error.js'

export const COMMITTEE_KIND = 'batch-disposal:package'
export const packageLink = (id: string | number) => `/p/batch-disposal/Plans?package=${id}`

export async function sendToCommittee(trx: TransactionClientContract, packageId: number) {
  const pkg = await trx.from(PACKAGES).where('id', packageId).first()
  const figures = await packageFigures(trx, packageId)
  const itemId = await submitItem(trx, {
    kind: COMMITTEE_KIND,
    title: `批量处置资产包 ${pkg.package_no} ${pkg.name}`.slice(0, 200),
    amount: Money.fromFen(figures.principalFen).toYuan(),
    recordRef: { plugin: 'batch-disposal', kind: 'package', id: packageId },
    orgId: Number(pkg.org_id),
    materials: [{ name: `资产包 ${pkg.package_no}`, link: packageLink(packageId) }],
    submittedBy: Number(pkg.created_by),
    parties: [Number(pkg.created_by)],
  })
  await trx
    .from(PACKAGES)
    .where('id', packageId)
    .update({ committee_ref: String(itemId) })
}

export async function committeeDecided(ctx: DecidedContext) {
  const packageId = Number(ctx.item.recordRef.id)
  const pkg = await ctx.trx.from(PACKAGES).where('id', packageId).first()
  if (!pkg) throw new BatchError(404, '资产包不存在')
  const facts = { committee_result: ctx.decision }
  if (ctx.decision === 'passed')
    await movePackage(ctx.trx, packageId, ['committee'], 'approved', facts)
  else if (ctx.decision === 'rejected')
    await movePackage(ctx.trx, packageId, ['committee'], 'rejected', facts)
  else await movePackage(ctx.trx, packageId, ['committee'], 'committee', facts)
}
