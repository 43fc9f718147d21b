/*
| 临时经营: an asset waiting for disposal may be leased out (tenant, rent per
| month/quarter/year, term). One active lease per asset; while it runs the
| asset is 临时经营 (not idle). Rent falls due at the start of each period
| (paid in advance); the core reminder engine reminds the manager before it
| falls due (kind foreclosed-assets:rent); registering the rent income moves
| the due date one period on. Ending the lease returns the asset to 待处置.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { deadlines } from '#core/deadlines/deadline_service'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { ForeclosedAssetError } from '../assets/asset_error.js'
import { LIST_PERMISSION } from '../assets/asset_deadlines.js'
import { auditAsset, type Actor } from '../assets/audit_asset.js'
import { ASSETS } from '../assets/receive.js'
import { addMonths } from '../rules/deadline.js'

export const LEASES = 'foreclosed_assets_leases'
export const PERIOD_MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 }

export interface LeaseInput {
  tenant: string
  tenantContact?: string | null
  rent: string
  rentPeriod: 'month' | 'quarter' | 'year'
  startOn: string
  endOn: string
  remark?: string | null
}

const rentKey = (leaseId: number) => ({
  source: 'foreclosed-assets',
  kind: 'foreclosed-assets:rent',
  subjectType: 'foreclosed_asset_lease',
  subjectId: String(leaseId),
})

export async function syncRentDeadline(trx: TransactionClientContract, leaseId: number) {
  const lease = await trx.from(LEASES).where('id', leaseId).first()
  const asset = lease && (await trx.from(ASSETS).where('id', lease.asset_id).first())
  if (!lease || !asset || lease.status !== 'active' || !lease.next_rent_due) {
    await deadlines.remove(rentKey(leaseId), trx)
    return
  }
  await deadlines.upsert(
    {
      ...rentKey(leaseId),
      title: `抵债资产 ${asset.asset_no} 租金到期（承租人 ${lease.tenant}）`,
      dueDate: dateText(lease.next_rent_due),
      rule: '临时经营租金按期预收',
      offsets: [5, 1],
      userIds: asset.manager_id ? [Number(asset.manager_id)] : [],
      orgId: Number(asset.org_id),
      permission: LIST_PERMISSION,
      record: { orgId: Number(asset.org_id), ownerId: asset.manager_id ?? null },
      link: `/p/foreclosed-assets/CustodyLeases?id=${leaseId}`,
    },
    trx
  )
}

export async function createLease(
  trx: TransactionClientContract,
  asset: Record<string, any>,
  input: LeaseInput,
  actor: Actor
) {
  if (!['held', 'leased'].includes(asset.status))
    throw new ForeclosedAssetError(
      409,
      '仅待处置的资产可以临时经营',
      'Only held assets may be leased'
    )
  if (input.endOn <= input.startOn)
    throw new ForeclosedAssetError(
      422,
      '租期止日须晚于起日',
      'The term must end after it starts',
      'endOn'
    )
  const open = await trx.from(LEASES).where('asset_id', asset.id).where('status', 'active').first()
  if (open)
    throw new ForeclosedAssetError(
      409,
      '该资产已有执行中的租约',
      'The asset already has an active lease'
    )
  const rent = Money.fromYuan(input.rent)
  const now = dbNow()
  const [id] = await trx.table(LEASES).insert({
    asset_id: asset.id,
    org_id: asset.org_id,
    tenant: input.tenant,
    tenant_contact: input.tenantContact ?? null,
    rent_fen: rent.toFen(),
    rent_period: input.rentPeriod,
    start_on: input.startOn,
    end_on: input.endOn,
    next_rent_due: input.startOn,
    status: 'active',
    remark: input.remark ?? null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  })
  await trx
    .from(ASSETS)
    .where('id', asset.id)
    .update({ status: 'leased', updated_at: now, updated_by: actor.userId })
  await syncRentDeadline(trx, Number(id))
  await auditAsset(trx, actor, {
    action: 'lease.create',
    entityType: 'foreclosed_asset_lease',
    id: Number(id),
    after: { assetId: asset.id, ...input, rent: rent.toYuan() },
  })
  return { id: Number(id) }
}

export async function endLease(
  trx: TransactionClientContract,
  lease: Record<string, any>,
  endedOn: string,
  actor: Actor
) {
  if (lease.status !== 'active')
    throw new ForeclosedAssetError(409, '租约已结束', 'The lease has ended')
  if (endedOn < dateText(lease.start_on))
    throw new ForeclosedAssetError(422, '结束日期早于租期起日', 'Ends before it starts', 'endedOn')
  const now = dbNow()
  await trx
    .from(LEASES)
    .where('id', lease.id)
    .update({ status: 'ended', ended_on: endedOn, next_rent_due: null, updated_at: now })
  await trx
    .from(ASSETS)
    .where('id', lease.asset_id)
    .where('status', 'leased')
    .update({ status: 'held', updated_at: now, updated_by: actor.userId })
  await syncRentDeadline(trx, Number(lease.id))
  await auditAsset(trx, actor, {
    action: 'lease.end',
    entityType: 'foreclosed_asset_lease',
    id: Number(lease.id),
    before: { status: 'active' },
    after: { status: 'ended', endedOn },
  })
}

/** Rent received for the period due: the next due date moves one period on (none after the term). */
export async function rentReceived(trx: TransactionClientContract, lease: Record<string, any>) {
  if (lease.status !== 'active' || !lease.next_rent_due) return
  const next = addMonths(dateText(lease.next_rent_due), PERIOD_MONTHS[lease.rent_period] ?? 1)
  await trx
    .from(LEASES)
    .where('id', lease.id)
    .update({ next_rent_due: next > dateText(lease.end_on) ? null : next, updated_at: dbNow() })
  await syncRentDeadline(trx, Number(lease.id))
}
