/*
| The data scope of 抵债资产: the booking org (`org_id`) and, for 仅本人, the
| manager the 分发岗 assigned (`manager_id`). Every list, export and lookup by
| id goes through here; out of scope answers like a missing id (404).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { ASSETS } from './receive.js'

type Client = TransactionClientContract | typeof db

/** Assets as `a`, in the caller's scope (a plain function: never return a builder from async). */
export function scopedAssets(access: UserAccess, client: Client = db) {
  return applyDataScope(client.from(`${ASSETS} as a`), access, {
    orgColumn: 'a.org_id',
    ownerColumn: 'a.manager_id',
  })
}

/** The asset row when it exists and is in scope, else null (→ 404). */
export async function assetRowInScope(id: number, access: UserAccess, client: Client = db) {
  if (!Number.isSafeInteger(id) || id <= 0) return null
  const row = await scopedAssets(access, client).where('a.id', id).select('a.*').first()
  return row ?? null
}

/** The row locked for an update inside `trx` (after the scope check). */
export async function lockAsset(trx: TransactionClientContract, id: number) {
  return trx.from(ASSETS).where('id', id).forUpdate().first()
}
