/*
| 资产分发: the 分发岗 assigns assets to a manager (管理人) by business line and
| region. The manager must hold the asset permission and have the asset in
| scope (the reminder rule: nobody is given a record they would get 404 on).
| Re-assigning moves the reminders to the new manager. Summary by manager.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { orgPathOf, scopeCovers } from '#core/identity/record_recipients'
import { dbNow } from '#core/db/db_time'
import { LIKE, likeContains } from '#core/db/like'
import { ForeclosedAssetError } from '../assets/asset_error.js'
import { LIST_PERMISSION, syncDisposalDeadline } from '../assets/asset_deadlines.js'
import { auditAsset, type Actor } from '../assets/audit_asset.js'
import { ASSETS } from '../assets/receive.js'
import { scopedAssets } from '../assets/asset_scope.js'
import type { UserAccess as Access } from '#core/identity/user_access'

export interface DistributeInput {
  assetIds: number[]
  managerId: number
  businessLine: string
  region?: string | null
}

const ENDED = ['sold', 'fixed', 'written_off']

export async function managerMaySee(managerId: number, asset: { org_id: number }) {
  const user = await User.find(managerId)
  if (!user || user.status !== 'active') return false
  const access = await UserAccess.load(user)
  if (!access.can(LIST_PERMISSION)) return false
  const orgPath = await orgPathOf(Number(asset.org_id))
  return scopeCovers(
    access,
    { orgId: Number(asset.org_id), ownerId: managerId, orgPath },
    LIST_PERMISSION
  )
}

export async function distribute(
  trx: TransactionClientContract,
  input: DistributeInput,
  actor: Actor,
  access: Access
) {
  const ids = [...new Set(input.assetIds)]
  const rows = await scopedAssets(access, trx).whereIn('a.id', ids).select('a.*').forUpdate()
  if (rows.length !== ids.length)
    throw new ForeclosedAssetError(404, '资产不存在', 'Asset not found')
  for (const row of rows) {
    if (ENDED.includes(row.status))
      throw new ForeclosedAssetError(
        409,
        `资产 ${row.asset_no} 已处置，不能分发`,
        `Asset ${row.asset_no} is disposed`,
        'assetIds'
      )
    if (!(await managerMaySee(input.managerId, row)))
      throw new ForeclosedAssetError(
        422,
        `管理人无权管理资产 ${row.asset_no}（须持有抵债资产权限且数据范围覆盖该资产）`,
        `The manager may not manage asset ${row.asset_no}`,
        'managerId'
      )
  }
  const now = dbNow()
  for (const row of rows) {
    await trx
      .from(ASSETS)
      .where('id', row.id)
      .update({
        manager_id: input.managerId,
        business_line: input.businessLine,
        region: input.region ?? null,
        distributed_by: actor.userId,
        distributed_at: now,
        updated_by: actor.userId,
        updated_at: now,
      })
    await syncDisposalDeadline(trx, Number(row.id))
    await auditAsset(trx, actor, {
      action: 'distribute',
      id: Number(row.id),
      before: { managerId: row.manager_id, businessLine: row.business_line, region: row.region },
      after: {
        managerId: input.managerId,
        businessLine: input.businessLine,
        region: input.region ?? null,
      },
    })
  }
  return { distributed: rows.length }
}

/** 分发汇总: per manager, how many assets and their book value, by status. */
export async function summaryByManager(access: Access) {
  const rows = await scopedAssets(access)
    .leftJoin('users as u', 'u.id', 'a.manager_id')
    .groupBy('a.manager_id', 'u.real_name', 'u.username')
    .select('a.manager_id', 'u.real_name', 'u.username')
    .count('* as assets')
    .select(
      db.raw(
        `SUM(CASE WHEN a.status IN ('held','leased','disposing') THEN 1 ELSE 0 END) as open_assets`
      )
    )
    .select(
      db.raw(
        `SUM(CASE WHEN a.status IN ('held','leased','disposing') THEN a.book_value_fen ELSE 0 END) as open_book_fen`
      )
    )
    .select(db.raw(`SUM(CASE WHEN a.status = 'leased' THEN 1 ELSE 0 END) as leased`))
    .orderBy('a.manager_id')
  return rows.map((r: any) => ({
    managerId: r.manager_id === null ? null : Number(r.manager_id),
    managerName: r.manager_id === null ? null : (r.real_name ?? r.username),
    assets: Number(r.assets),
    openAssets: Number(r.open_assets ?? 0),
    leased: Number(r.leased ?? 0),
    openBookFen: String(r.open_book_fen ?? '0'),
  }))
}

/**
 * The people an asset may be distributed to: active users of the asset's org
 * or an org above it who hold the asset permission and whose scope would cover
 * the asset once they manage it (仅本人 clerks included: they would own it).
 */
export async function managerOptions(asset: { org_id: number }, keyword?: string) {
  const orgPath = await orgPathOf(Number(asset.org_id))
  const orgIds = orgPath.split('/').filter(Boolean).map(Number)
  const q = db
    .from('users as u')
    .join('orgs as o', 'o.id', 'u.org_id')
    .whereIn('u.org_id', orgIds)
    .where('u.status', 'active')
    .orderBy('u.id')
    .limit(200)
    .select('u.id', 'u.username', 'u.real_name', 'o.name as org_name')
  if (keyword)
    q.where((w) =>
      w
        .whereRaw(LIKE, ['u.real_name', likeContains(keyword)])
        .orWhereRaw(LIKE, ['u.username', likeContains(keyword)])
    )
  const out: Array<{ value: number; label: string; hint: string }> = []
  for (const u of await q)
    if (await managerMaySee(Number(u.id), asset))
      out.push({
        value: Number(u.id),
        label: u.real_name ?? u.username,
        hint: `${u.username} · ${u.org_name}`,
      })
  return out
}
