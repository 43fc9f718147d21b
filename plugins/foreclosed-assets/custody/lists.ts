/*
| The lists of 定期检查, 临时经营 and 收入登记管理: each row joined to its asset
| through the asset's data scope (a row of an asset out of scope is never
| listed, and by id is a 404).
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { scopedAssets } from '../assets/asset_scope.js'
import { CHECKS } from '../checks/check_service.js'
import { photosOf } from '../checks/photos.js'
import { ENTRIES } from './entry_service.js'
import { LEASES } from './lease_service.js'

export interface ChildFilters {
  page?: number
  perPage?: number
  keyword?: string
  assetId?: number
  status?: string
  direction?: 'income' | 'expense'
}

const yuan = (fen: unknown) =>
  fen === null || fen === undefined ? null : Money.fromFen(String(fen)).toYuan()

function children(access: UserAccess, table: string, f: ChildFilters) {
  const q = scopedAssets(access).join(`${table} as x`, 'x.asset_id', 'a.id')
  if (f.assetId) q.where('a.id', f.assetId)
  if (f.keyword) {
    q.where((w) =>
      w
        .whereRaw(LIKE, ['a.asset_no', likePrefix(f.keyword)])
        .orWhereRaw(LIKE, ['a.name', likeContains(f.keyword)])
    )
  }
  return q
}

async function paged(q: any, f: ChildFilters) {
  const page = await q.paginate(f.page ?? 1, f.perPage ?? 20)
  return {
    rows: page.all() as Record<string, any>[],
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function listChecks(access: UserAccess, f: ChildFilters) {
  const q = children(access, CHECKS, f)
    .leftJoin('users as u', 'u.id', 'x.checker_id')
    .select(
      'x.*',
      'a.asset_no',
      'a.name as asset_name',
      'a.asset_class',
      db.raw('COALESCE(u.real_name, u.username) as checker_name')
    )
    .orderBy('x.checked_on', 'desc')
    .orderBy('x.id', 'desc')
  const { rows, meta } = await paged(q, f)
  const photos = await photosOf(rows.map((r) => Number(r.id)))
  return {
    data: rows.map((r) => ({
      id: Number(r.id),
      assetId: Number(r.asset_id),
      assetNo: r.asset_no,
      assetName: r.asset_name,
      assetClass: r.asset_class,
      checkedOn: dateText(r.checked_on),
      condition: r.condition,
      occupancy: r.occupancy,
      damage: r.damage,
      valueBefore: yuan(r.value_before_fen),
      valueFound: yuan(r.value_found_fen),
      findings: r.findings ?? null,
      nextDue: dateText(r.next_due),
      checkerName: r.checker_name ?? null,
      photos: photos.filter((p) => p.checkId === Number(r.id)),
    })),
    meta,
  }
}

export async function listLeases(access: UserAccess, f: ChildFilters) {
  const today = await businessDate.current()
  const q = children(access, LEASES, f)
    .select('x.*', 'a.asset_no', 'a.name as asset_name')
    .orderBy('x.id', 'desc')
  if (f.status) q.where('x.status', f.status)
  const { rows, meta } = await paged(q, f)
  const received = rows.length
    ? await db
        .from(ENTRIES)
        .whereIn(
          'lease_id',
          rows.map((r) => r.id)
        )
        .where('kind', 'rent')
        .groupBy('lease_id')
        .select('lease_id')
        .sum('amount_fen as total')
    : []
  return {
    data: rows.map((r) => {
      const due = r.next_rent_due ? dateText(r.next_rent_due) : null
      return {
        id: Number(r.id),
        assetId: Number(r.asset_id),
        assetNo: r.asset_no,
        assetName: r.asset_name,
        tenant: r.tenant,
        tenantContact: r.tenant_contact ?? null,
        rent: yuan(r.rent_fen),
        rentPeriod: r.rent_period,
        startOn: dateText(r.start_on),
        endOn: dateText(r.end_on),
        nextRentDue: due,
        rentOverdue: r.status === 'active' && due !== null && due < today,
        status: r.status,
        endedOn: r.ended_on ? dateText(r.ended_on) : null,
        rentReceived: yuan(
          received.find((x: any) => Number(x.lease_id) === Number(r.id))?.total ?? 0
        ),
        remark: r.remark ?? null,
      }
    }),
    meta,
  }
}

export async function listEntries(access: UserAccess, f: ChildFilters) {
  const q = children(access, ENTRIES, f)
    .leftJoin('users as u', 'u.id', 'x.created_by')
    .select(
      'x.*',
      'a.asset_no',
      'a.name as asset_name',
      db.raw('COALESCE(u.real_name, u.username) as by_name')
    )
    .orderBy('x.entry_date', 'desc')
    .orderBy('x.id', 'desc')
  if (f.direction) q.where('x.direction', f.direction)
  const { rows, meta } = await paged(q, f)
  return {
    data: rows.map((r) => ({
      id: Number(r.id),
      assetId: Number(r.asset_id),
      assetNo: r.asset_no,
      assetName: r.asset_name,
      leaseId: r.lease_id === null ? null : Number(r.lease_id),
      direction: r.direction,
      kind: r.kind,
      amount: yuan(r.amount_fen),
      entryDate: dateText(r.entry_date),
      expenseId: r.expense_id === null ? null : Number(r.expense_id),
      remark: r.remark ?? null,
      byName: r.by_name ?? null,
    })),
    meta,
  }
}

/** A child row (check, lease, entry) by id, only through an asset in scope. */
export async function childInScope(access: UserAccess, table: string, id: number) {
  return scopedAssets(access)
    .join(`${table} as x`, 'x.asset_id', 'a.id')
    .where('x.id', id)
    .select('x.*')
    .first()
}
