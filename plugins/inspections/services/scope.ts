/* The data scope of every inspections table (org and 管户人), ids, and the plugin's one error. */
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { HttpContext } from '@adonisjs/core/http'
import { BilingualRuleError } from '#core/plugins/bilingual_rule_error'
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

/**
 * A refusal: a RuleError the exception handler answers as 404 (the shared 'not found'
 * text) or as a 422 on one field (zh / en).
 */
export class InspectionError extends BilingualRuleError {
  constructor(status: 404 | 422, field: string, zh: string, en: string) {
    super(status, 'http.notFound', { zh, en }, field, 'inspections')
  }

  messageFor(ctx: HttpContext) {
    return this.status === 404 ? ctx.i18n('http.notFound') : super.messageFor(ctx)
  }
}

export const notFoundError = () => new InspectionError(404, 'id', '记录不存在', 'Not found')

/** The permission a person must hold to be given a check task (and to record its result). */
export const HANDLE_PERMISSION = 'inspections:result:create'
