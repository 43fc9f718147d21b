/*
| The asset list (资产分发, 基本信息, the disposal forms' picker) and one asset's
| full record (基本信息 detail: loans, value history, checks, 账实核对, leases,
| income and expenses, disposals). Scoped; out of scope is null (404).
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { scopedAssets } from './asset_scope.js'
import { loanIdsOf, toAsset } from './asset_read.js'
import { VALUES } from './receive.js'

const ENDED = ['sold', 'fixed', 'written_off']
const SORTS: Record<string, string> = {
  acquiredOn: 'a.acquired_on',
  disposalDeadline: 'a.disposal_deadline',
  bookValue: 'a.book_value_fen',
  assetNo: 'a.asset_no',
  nextCheckDue: 'a.next_check_due',
}

export interface AssetFilters {
  page?: number
  perPage?: number
  keyword?: string
  assetClass?: string
  status?: string
  managerId?: number
  undistributed?: boolean
  overdue?: boolean
  checkOverdue?: boolean
  ids?: number[]
  sort?: string
  order?: 'asc' | 'desc'
}

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? '0')).toYuan()

function listQuery(access: UserAccess) {
  return scopedAssets(access)
    .leftJoin(book.customers.as('c'), 'c.id', 'a.customer_id')
    .leftJoin('orgs as og', 'og.id', 'a.org_id')
    .leftJoin('orgs as cu', 'cu.id', 'a.custodian_org_id')
    .leftJoin('users as mu', 'mu.id', 'a.manager_id')
}

export function present(r: Record<string, any>, today: string, loanIds: number[] = []) {
  const asset = toAsset(r, loanIds)
  const open = !ENDED.includes(asset.status)
  return {
    ...asset,
    customerNo: r.customer_no ?? null,
    customerName: r.customer_name ?? null,
    orgName: r.org_name ?? null,
    custodianOrgName: r.custodian_name ?? null,
    managerName: r.manager_name ?? null,
    /** 处置期限 passed while the asset is still held (超期未处置). */
    disposalOverdue: open && asset.disposalDeadline < today,
    daysToDeadline: open ? dayDiff(today, asset.disposalDeadline) : null,
    checkOverdue: open && asset.nextCheckDue !== null && asset.nextCheckDue < today,
  }
}

export function dayDiff(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export async function listAssets(access: UserAccess, f: AssetFilters) {
  const today = await businessDate.current()
  const q = listQuery(access)
  if (f.keyword) {
    const like = likeContains(f.keyword)
    q.where((w) =>
      w
        .whereRaw(LIKE, ['a.asset_no', likePrefix(f.keyword)])
        .orWhereRaw(LIKE, ['a.name', like])
        .orWhereRaw(LIKE, ['c.name', like])
        .orWhereRaw(LIKE, ['c.customer_no', likePrefix(f.keyword)])
    )
  }
  if (f.ids?.length) q.whereIn('a.id', f.ids)
  if (f.assetClass) q.where('a.asset_class', f.assetClass)
  if (f.status === 'open') q.whereNotIn('a.status', ENDED)
  else if (f.status && f.status !== 'all') q.where('a.status', f.status)
  if (f.managerId) q.where('a.manager_id', f.managerId)
  if (f.undistributed) q.whereNull('a.manager_id')
  if (f.overdue) q.whereNotIn('a.status', ENDED).where('a.disposal_deadline', '<', today)
  if (f.checkOverdue) q.whereNotIn('a.status', ENDED).where('a.next_check_due', '<', today)
  q.orderBy(SORTS[f.sort ?? ''] ?? 'a.id', f.order === 'asc' ? 'asc' : 'desc').orderBy(
    'a.id',
    'desc'
  )
  q.select(
    'a.*',
    'c.customer_no',
    'c.name as customer_name',
    'og.name as org_name',
    'cu.name as custodian_name',
    db.raw('COALESCE(mu.real_name, mu.username) as manager_name')
  )
  const page = await q.paginate(f.page ?? 1, f.perPage ?? 20)
  const rows = page.all() as Record<string, any>[]
  const loans = await loanIdsOf(rows.map((r) => Number(r.id)))
  return {
    data: rows.map((r) => present(r, today, loans.get(Number(r.id)) ?? [])),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function assetDetail(access: UserAccess, id: number) {
  const today = await businessDate.current()
  const row = await listQuery(access)
    .where('a.id', id)
    .select(
      'a.*',
      'c.customer_no',
      'c.name as customer_name',
      'og.name as org_name',
      'cu.name as custodian_name',
      db.raw('COALESCE(mu.real_name, mu.username) as manager_name')
    )
    .first()
  if (!row) return null
  const loanIds = (await loanIdsOf([id])).get(id) ?? []
  const loans = loanIds.length
    ? await db.from(book.loans.as('l')).whereIn('l.id', loanIds).select('l.id', 'l.loan_no')
    : []
  const values = await db.from(VALUES).where('asset_id', id).orderBy('valued_on').orderBy('id')
  const recs = await db
    .from('foreclosed_assets_reconciliations as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .where('r.asset_id', id)
    .orderBy('r.checked_on', 'desc')
    .select('r.*', db.raw('COALESCE(u.real_name, u.username) as by_name'))
  return {
    ...present(row, today, loanIds),
    loans: loans.map((l: any) => ({ id: Number(l.id), loanNo: l.loan_no })),
    values: values.map((v: any) => ({
      valuedOn: dateText(v.valued_on),
      value: yuan(v.value_fen),
      kind: v.kind,
      note: v.note ?? null,
    })),
    reconciliations: recs.map((r: any) => ({
      id: Number(r.id),
      checkedOn: dateText(r.checked_on),
      bookValue: yuan(r.book_value_fen),
      physicalState: r.physical_state,
      matches: Boolean(r.matches),
      difference: r.difference ?? null,
      byName: r.by_name ?? null,
    })),
  }
}
