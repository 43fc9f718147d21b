/* The data scope of every collection table: the record's org and 管户人 (manager). */
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'

export const scopedTable = (table: string, alias: string, access: UserAccess) =>
  applyDataScope(db.from(`${table} as ${alias}`), access, {
    orgColumn: `${alias}.org_id`,
    ownerColumn: `${alias}.manager_id`,
  })

/** Agencies have no 管户人: the org (本机构及以下 …) decides; 仅本人 sees those they registered. */
export const scopedAgencies = (access: UserAccess) =>
  applyDataScope(db.from('collection_agencies as a'), access, {
    orgColumn: 'a.org_id',
    ownerColumn: 'a.created_by',
  })

export const idParam = (value: unknown) => {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}
