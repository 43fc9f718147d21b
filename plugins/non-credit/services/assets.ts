/*
| 非信贷资产 reads: every query goes through the data scope (the asset's org and
| its manager); an id out of scope is a 404. Money leaves as yuan text, summed
| and converted from fen (never a float).
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { LIKE, likeContains } from '#core/db/like'
import { ASSETS, CHANGES, NonCreditError } from './tables.js'

export const SCOPE = { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' }
export const scopedAssets = (access: UserAccess) =>
  applyDataScope(db.from(`${ASSETS} as a`), access, SCOPE)

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()

export function assetRow(r: any) {
  return {
    id: Number(r.id),
    sourceId: r.source_id as string,
    assetNo: r.asset_no as string,
    assetType: r.asset_type as string,
    subType: r.sub_type as string,
    assetName: r.asset_name as string,
    counterparty: r.counterparty as string,
    customerId: r.customer_id === null ? null : Number(r.customer_id),
    customerNo: (r.customer_no as string | null) ?? null,
    principal: yuan(r.principal_fen),
    bookValue: yuan(r.book_value_fen),
    accruedInterest: yuan(r.accrued_interest_fen),
    provision: yuan(r.provision_fen),
    fiveClass: r.five_class as string,
    fedClass: r.fed_class as string,
    overdueDays: Number(r.overdue_days),
    startDate: dateText(r.start_date),
    maturityDate: r.maturity_date ? dateText(r.maturity_date) : null,
    orgId: Number(r.org_id),
    orgName: (r.org_name as string | undefined) ?? null,
    managerId: r.manager_id === null ? null : Number(r.manager_id),
    managerName: (r.manager_name as string | undefined) ?? null,
    lastFedOn: dateText(r.last_fed_on),
    pendingChangeId: r.pending_change_id ? Number(r.pending_change_id) : null,
  }
}
export type AssetRow = ReturnType<typeof assetRow>

function withNames(access: UserAccess) {
  return scopedAssets(access)
    .leftJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('users as u', 'u.id', 'a.manager_id')
    .select('a.*', 'o.name as org_name', 'u.real_name as manager_name')
    .select(
      db
        .from(`${CHANGES} as p`)
        .whereColumn('p.asset_id', 'a.id')
        .where('p.status', 'pending')
        .max('p.id')
        .as('pending_change_id')
    )
}

export interface AssetFilters {
  keyword?: string
  assetType?: string
  subType?: string
  fiveClass?: string
  orgId?: number
  overdueMin?: number
  page?: number
  perPage?: number
  sort?: string
  order?: 'asc' | 'desc'
}

/** Sortable columns: a whitelist, never the caller's text. */
const SORTS: Record<string, string> = {
  assetNo: 'a.asset_no',
  bookValue: 'a.book_value_fen',
  principal: 'a.principal_fen',
  overdueDays: 'a.overdue_days',
  maturityDate: 'a.maturity_date',
}

export async function listAssets(access: UserAccess, f: AssetFilters) {
  const query = withNames(access)
  if (f.keyword) {
    const like = likeContains(f.keyword)
    query.where((w) =>
      w
        .whereRaw(LIKE, ['a.asset_no', like])
        .orWhereRaw(LIKE, ['a.asset_name', like])
        .orWhereRaw(LIKE, ['a.counterparty', like])
    )
  }
  if (f.assetType) query.where('a.asset_type', f.assetType)
  if (f.subType) query.where('a.sub_type', f.subType)
  if (f.fiveClass) query.where('a.five_class', f.fiveClass)
  if (f.orgId) query.where('a.org_id', f.orgId)
  if (f.overdueMin !== undefined) query.where('a.overdue_days', '>=', f.overdueMin)
  const sort = (f.sort && SORTS[f.sort]) || 'a.asset_no'
  const page = await query
    .orderBy(sort, f.order === 'desc' ? 'desc' : 'asc')
    .orderBy('a.id')
    .paginate(f.page ?? 1, f.perPage ?? 20)
  return {
    data: page.all().map(assetRow),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function findAsset(access: UserAccess, id: number) {
  const row =
    Number.isSafeInteger(id) && id > 0 ? await withNames(access).where('a.id', id).first() : null
  if (!row) throw new NonCreditError(404, '非信贷资产不存在或无权访问', 'No such non-credit asset')
  return assetRow(row)
}

export function changeRow(r: any) {
  return {
    id: Number(r.id),
    assetId: Number(r.asset_id),
    fromClass: r.from_class as string,
    toClass: r.to_class as string,
    source: r.source as string,
    status: r.status as string,
    reason: (r.reason as string | null) ?? null,
    workflowInstanceId: r.workflow_instance_id ? Number(r.workflow_instance_id) : null,
    effectiveOn: r.effective_on ? dateText(r.effective_on) : null,
    appliedBy: (r.applied_name as string | null) ?? null,
    createdAt: r.created_at,
  }
}

/** The asset's classification history, newest first (404 out of scope). */
export async function classHistory(access: UserAccess, assetId: number) {
  await findAsset(access, assetId)
  const rows = await db
    .from(`${CHANGES} as c`)
    .leftJoin('users as u', 'u.id', 'c.applied_by')
    .where('c.asset_id', assetId)
    .orderBy('c.id', 'desc')
    .select('c.*', 'u.real_name as applied_name')
  return rows.map(changeRow)
}

/** One change, for the approval's link (404 when its asset is out of scope). */
export async function findChange(access: UserAccess, id: number) {
  const row =
    Number.isSafeInteger(id) && id > 0 ? await db.from(CHANGES).where('id', id).first() : null
  if (!row) throw new NonCreditError(404, '分类调整不存在或无权访问', 'No such reclassification')
  await findAsset(access, Number(row.asset_id))
  return changeRow(row)
}

/** A customer's non-credit assets in the caller's scope, with totals in yuan. */
export async function customerAssets(access: UserAccess, customerId: number) {
  const rows = (
    await withNames(access).where('a.customer_id', customerId).orderBy('a.asset_no')
  ).map(assetRow)
  const total = (key: 'bookValue' | 'principal' | 'provision') =>
    Money.sum(rows.map((r) => Money.fromYuan(r[key]))).toYuan()
  return {
    data: rows,
    totals: {
      principal: total('principal'),
      bookValue: total('bookValue'),
      provision: total('provision'),
    },
  }
}
