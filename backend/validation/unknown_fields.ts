/*
| Unknown fields are refused, never ignored: VineJS objects drop them silently,
| so the product checks the keys itself and answers like a validation failure
| (422 with one field message per unknown key, zh-CN and en in one text, like
| the field name it cannot translate).
|
| - A service called by other plugins (not through a route's strict body):
|   `refuseUnknown(input, allowed)` throws VineJS's validation error.
| - A route: `refuseUnknownFields(ctx, ['method', 'remark'])` throws the same;
|   or `if (refusedUnknown(ctx, [...])) return` answers the 422 itself and
|   returns true, so the handler stops.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'

const unknownKeys = (input: object, allowed: readonly string[]) =>
  Object.keys(input).filter((key) => !allowed.includes(key))

const messages = (fields: string[]) =>
  fields.map((field) => ({
    field,
    rule: 'unknown',
    message: `未知字段 / unknown field: ${field}`,
  }))

export function refuseUnknown(input: unknown, allowed: readonly string[]) {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return
  const unknown = unknownKeys(input, allowed)
  if (unknown.length) throw new errors.E_VALIDATION_ERROR(messages(unknown))
}

/** A route's body, thrown (the exception handler answers the 422). */
export function refuseUnknownFields(ctx: HttpContext, allowed: readonly string[]) {
  refuseUnknown(ctx.request.body() ?? {}, allowed)
}

export function refusedUnknown(ctx: HttpContext, allowed: readonly string[]): boolean {
  const unknown = unknownKeys(ctx.request.body() ?? {}, allowed)
  if (!unknown.length) return false
  ctx.response
    .status(422)
    .send({ message: ctx.i18n('validation.failed'), errors: messages(unknown) })
  return true
}
