/* The data scope of every inspections table (org and 管户人), ids, and the plugin's one error. */
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'

/** Tables whose rows carry the customer's org_id / manager_id. */
export const scopedTable = (table: string, alias: string, access: UserAccess) =>
  applyDataScope(db.from(`${table} as ${alias}`), access, {
    orgColumn: `${alias}.org_id`,
    ownerColumn: `${alias}.manager_id`,
  })

/** Plans and batches have no 管户人: the org decides; 仅本人 sees those they made. */
export const scopedByCreator = (table: string, alias: string, access: UserAccess) =>
  applyDataScope(db.from(`${table} as ${alias}`), access, {
    orgColumn: `${alias}.org_id`,
    ownerColumn: `${alias}.created_by`,
  })

export const idParam = (value: unknown) => {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/** A refusal the controllers answer as 404 or as a 422 on one field (zh / en). */
export class InspectionError extends Error {
  constructor(
    public status: 404 | 422,
    public field: string,
    public zh: string,
    public en: string
  ) {
    super(en)
  }
}

export const notFoundError = () => new InspectionError(404, 'id', '记录不存在', 'Not found')

/** The permission a person must hold to be given a check task (and to record its result). */
export const HANDLE_PERMISSION = 'inspections:result:create'
