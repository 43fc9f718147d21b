/*
| 资产处置: 出售申请, 转固申请, 列损申请. An application is submitted to the
| core workflow at once (chain by the asset's 入账价值, amount tiers); once
| approved, an application whose 入账价值 reaches the committee threshold
| (foreclosed-assets.committeeThreshold) goes to the 资产处置委员会 and completes
| on its 通过. Completion is one transaction: the asset's status, the value
| history, the postings (disposal/postings.ts, each exactly once), the end of
| a running lease and of the deadline reminders, the audit entry.
| Loss = 入账价值 − 价款 to the fen (Money, decimal.js), negative = gain.
*/
import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { businessDate } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { submitItem } from '../../committee/services/committee_api.js'
import { ForeclosedAssetError } from '../assets/asset_error.js'
import { syncDisposalDeadline } from '../assets/asset_deadlines.js'
import { auditAsset, type Actor } from '../assets/audit_asset.js'
import { ASSETS, VALUES } from '../assets/receive.js'
import { LEASES, syncRentDeadline } from '../custody/lease_service.js'
import { enqueuePostings } from './postings.js'

export const DISPOSALS = 'foreclosed_assets_disposals'
export const WORKFLOW_TYPE = 'foreclosed-assets:disposal'
export const COMMITTEE_KIND = 'foreclosed-assets:disposal'
export const COMMITTEE_THRESHOLD = 'foreclosed-assets.committeeThreshold'
export const KIND_NAMES: Record<string, string> = {
  sale: '出售',
  to_fixed: '转固',
  write_off: '列损',
}
const OPEN = ['applied', 'committee', 'approved']

export interface DisposalInput {
  assetId: number
  kind: 'sale' | 'to_fixed' | 'write_off'
  method?: string | null
  buyer?: string | null
  amount: string
  reason: string
  evidence?: string | null
  appliedOn: string
}

/** The loss of a disposal in fen: sale book − price; write-off the amount; to-fixed none. */
export function lossOf(kind: string, bookFen: string, amountFen: string): Money {
  const book = Money.fromFen(bookFen)
  const amount = Money.fromFen(amountFen)
  if (kind === 'sale') return book.minus(amount)
  if (kind === 'write_off') return amount
  return Money.zero()
}

export async function applyDisposal(
  trx: TransactionClientContract,
  asset: Record<string, any>,
  input: DisposalInput,
  actor: Actor
) {
  if (!['held', 'leased'].includes(asset.status))
    throw new ForeclosedAssetError(
      409,
      '该资产不在待处置状态（已处置或处置申请中）',
      'The asset is not awaiting disposal'
    )
  const amount = Money.fromYuan(input.amount)
  const book = Money.fromFen(String(asset.book_value_fen))
  if (input.kind === 'sale' && (!input.method || !input.buyer))
    throw new ForeclosedAssetError(
      422,
      '出售须填写处置方式和买受人',
      'A sale needs the method and buyer',
      input.method ? 'buyer' : 'method'
    )
  if (input.kind === 'write_off' && (amount.isZero() || amount.compare(book) > 0))
    throw new ForeclosedAssetError(
      422,
      '列损金额须大于0且不超过入账价值',
      'Write-down must be above 0 and at most the book value',
      'amount'
    )
  if (input.kind === 'write_off' && !input.evidence)
    throw new ForeclosedAssetError(
      422,
      '列损须提供证据材料说明',
      'A write-down needs its evidence',
      'evidence'
    )
  const amountFen = input.kind === 'to_fixed' ? book.toFen() : amount.toFen()
  const loss = lossOf(input.kind, book.toFen(), amountFen)
  const now = dbNow()
  const [id] = await trx.table(DISPOSALS).insert({
    disposal_no: randomUUID().replace(/-/g, '').slice(0, 32),
    asset_id: asset.id,
    org_id: asset.org_id,
    manager_id: asset.manager_id ?? null,
    kind: input.kind,
    status: 'applied',
    method: input.kind === 'sale' ? input.method : null,
    buyer: input.kind === 'sale' ? input.buyer : null,
    amount_fen: amountFen,
    book_value_fen: book.toFen(),
    loss_fen: loss.toFen(),
    reason: input.reason,
    evidence: input.evidence ?? null,
    applied_on: input.appliedOn,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  })
  const disposalNo = `CZ${input.appliedOn.slice(0, 4)}${String(id).padStart(6, '0')}`
  const { instanceId } = await submitForApproval({
    type: WORKFLOW_TYPE,
    businessId: String(id),
    title:
      `抵债资产${KIND_NAMES[input.kind]}申请 ${disposalNo} ${asset.asset_no} ${asset.name}`.slice(
        0,
        200
      ),
    amount: book.toYuan(),
    applicantId: actor.userId,
    orgId: Number(asset.org_id),
    trx,
  })
  await trx
    .from(DISPOSALS)
    .where('id', id)
    .update({ disposal_no: disposalNo, workflow_instance_id: instanceId })
  await trx
    .from(ASSETS)
    .where('id', asset.id)
    .update({ status: 'disposing', updated_at: now, updated_by: actor.userId })
  await auditAsset(trx, actor, {
    action: `disposal.apply`,
    entityType: 'foreclosed_asset_disposal',
    id: Number(id),
    after: { disposalNo, ...input, bookValue: book.toYuan(), loss: loss.toYuan() },
  })
  return { id: Number(id), disposalNo }
}

async function restoreAsset(trx: TransactionClientContract, assetId: number) {
  const lease = await trx.from(LEASES).where('asset_id', assetId).where('status', 'active').first()
  await trx
    .from(ASSETS)
    .where('id', assetId)
    .where('status', 'disposing')
    .update({ status: lease ? 'leased' : 'held', updated_at: dbNow() })
}

async function complete(
  trx: TransactionClientContract,
  disposal: Record<string, any>,
  actorId: number
) {
  const asset = await trx.from(ASSETS).where('id', disposal.asset_id).forUpdate().first()
  const on = await businessDate.current()
  const now = dbNow()
  await trx
    .from(DISPOSALS)
    .where('id', disposal.id)
    .update({ status: 'completed', completed_on: on, updated_at: now })
  const book = Money.fromFen(String(asset.book_value_fen))
  const update: Record<string, unknown> = { updated_at: now, updated_by: actorId }
  let ended = true
  if (disposal.kind === 'sale')
    Object.assign(update, { status: 'sold', disposal_kind: 'sale', disposed_on: on })
  else if (disposal.kind === 'to_fixed')
    Object.assign(update, { status: 'fixed', disposal_kind: 'to_fixed', disposed_on: on })
  else {
    const left = book.minus(Money.fromFen(String(disposal.loss_fen)))
    ended = left.isZero()
    Object.assign(update, { book_value_fen: left.toFen(), current_value_fen: left.toFen() })
    if (ended)
      Object.assign(update, { status: 'written_off', disposal_kind: 'write_off', disposed_on: on })
  }
  await trx.from(ASSETS).where('id', asset.id).update(update)
  if (!ended) await restoreAsset(trx, Number(asset.id))
  await trx.table(VALUES).insert({
    asset_id: asset.id,
    valued_on: on,
    value_fen:
      disposal.kind === 'write_off' ? String(update.book_value_fen) : String(disposal.amount_fen),
    kind: 'disposal',
    note: `${KIND_NAMES[disposal.kind]} ${disposal.disposal_no}`,
    created_by: actorId,
    created_at: now,
  })
  if (ended) {
    const leases = await trx.from(LEASES).where('asset_id', asset.id).where('status', 'active')
    for (const l of leases) {
      await trx
        .from(LEASES)
        .where('id', l.id)
        .update({ status: 'ended', ended_on: on, next_rent_due: null, updated_at: now })
      await syncRentDeadline(trx, Number(l.id))
    }
  }
  await syncDisposalDeadline(trx, Number(asset.id))
  const postings = await enqueuePostings(trx, { ...disposal, status: 'completed' }, asset)
  await auditAsset(
    trx,
    { userId: actorId, orgId: Number(asset.org_id), ctx: null },
    {
      action: 'disposal.complete',
      entityType: 'foreclosed_asset_disposal',
      id: Number(disposal.id),
      before: { status: disposal.status, assetStatus: asset.status },
      after: {
        status: 'completed',
        completedOn: on,
        assetStatus: update.status ?? asset.status,
        postings,
      },
    }
  )
}

async function lockDisposal(trx: TransactionClientContract, id: number) {
  const d = await trx.from(DISPOSALS).where('id', id).forUpdate().first()
  if (!d) throw new ForeclosedAssetError(404, '处置申请不存在', 'Disposal not found')
  return d
}

/** The workflow's decision (workflow/disposal_handler.ts), in its transaction. */
export async function workflowDecided(
  trx: TransactionClientContract,
  id: number,
  decision: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'applied',
  actorId: number
) {
  const d = await lockDisposal(trx, id)
  if (decision === 'applied') {
    if (!['returned', 'withdrawn'].includes(d.status)) return
    await trx.from(DISPOSALS).where('id', id).update({ status: 'applied', updated_at: dbNow() })
    await trx
      .from(ASSETS)
      .where('id', d.asset_id)
      .whereIn('status', ['held', 'leased'])
      .update({ status: 'disposing', updated_at: dbNow() })
    return
  }
  if (d.status !== 'applied')
    throw new ForeclosedAssetError(
      409,
      '处置申请不在审批中',
      'The application is not under approval'
    )
  if (decision !== 'approved') {
    await trx.from(DISPOSALS).where('id', id).update({ status: decision, updated_at: dbNow() })
    await restoreAsset(trx, Number(d.asset_id))
    await auditAsset(
      trx,
      { userId: actorId, orgId: Number(d.org_id), ctx: null },
      {
        action: `disposal.${decision}`,
        entityType: 'foreclosed_asset_disposal',
        id,
        before: { status: 'applied' },
        after: { status: decision },
      }
    )
    return
  }
  const threshold = Money.fromYuan(await settings.raw(COMMITTEE_THRESHOLD))
  if (Money.fromFen(String(d.book_value_fen)).compare(threshold) >= 0) {
    const asset = await trx.from(ASSETS).where('id', d.asset_id).first()
    const itemId = await submitItem(trx, {
      kind: COMMITTEE_KIND,
      title: `抵债资产${KIND_NAMES[d.kind]} ${d.disposal_no} ${asset.asset_no} ${asset.name}`.slice(
        0,
        200
      ),
      amount: Money.fromFen(String(d.book_value_fen)).toYuan(),
      recordRef: { plugin: 'foreclosed-assets', kind: 'disposal', id: Number(d.id) },
      orgId: Number(d.org_id),
      materials: [{ name: '处置申请', link: `/p/foreclosed-assets/${pageOf(d.kind)}?id=${d.id}` }],
      submittedBy: Number(d.created_by),
    })
    await trx
      .from(DISPOSALS)
      .where('id', id)
      .update({ status: 'committee', committee_item_id: itemId, updated_at: dbNow() })
    await auditAsset(
      trx,
      { userId: actorId, orgId: Number(d.org_id), ctx: null },
      {
        action: 'disposal.committee',
        entityType: 'foreclosed_asset_disposal',
        id,
        before: { status: 'applied' },
        after: { status: 'committee', itemId },
        detail: `入账价值达到上会金额 ${threshold.toYuan()} 元，提交资产处置委员会`,
      }
    )
    return
  }
  await complete(trx, d, actorId)
}

/** The committee's decision (startup.ts registers it): 通过 completes, 否决 rejects, 复议 waits. */
export async function committeeDecided(
  trx: TransactionClientContract,
  id: number,
  decision: 'passed' | 'rejected' | 'reconsider',
  resolutionNo: string,
  actorId: number
) {
  const d = await lockDisposal(trx, id)
  if (d.status !== 'committee')
    throw new ForeclosedAssetError(
      409,
      '处置申请不在上会状态',
      'The application is not before the committee'
    )
  if (decision === 'reconsider') return
  await trx
    .from(DISPOSALS)
    .where('id', id)
    .update({ resolution_no: resolutionNo, updated_at: dbNow() })
  if (decision === 'rejected') {
    await trx.from(DISPOSALS).where('id', id).update({ status: 'rejected' })
    await restoreAsset(trx, Number(d.asset_id))
    return
  }
  await complete(trx, { ...d, resolution_no: resolutionNo }, actorId)
}

export const pageOf = (kind: string) =>
  kind === 'sale' ? 'DisposalSales' : kind === 'to_fixed' ? 'DisposalToFixed' : 'DisposalWriteOffs'

export const isOpen = (status: string) => OPEN.includes(status)
export { dateText }
