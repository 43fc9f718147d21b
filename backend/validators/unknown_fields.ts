/*
| VineJS drops body fields a schema does not name; the product's rule is that
| an unknown field is a 422, never silently ignored. A route calls this first:
|
|   if (refusedUnknown(ctx, ['method', 'remark'])) return
|
| It answers 422 with one message per unknown field (zh-CN and en in one text,
| like the field name it cannot translate) and returns true, so the handler stops.
*/
import type { HttpContext } from '@adonisjs/core/http'

export function refusedUnknown(ctx: HttpContext, allowed: string[]): boolean {
  const body = ctx.request.body() ?? {}
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key))
  if (!unknown.length) return false
  ctx.response.status(422).send({
    message: ctx.i18n('validation.failed'),
    errors: unknown.map((field) => ({
      field,
      rule: 'unknown',
      message: `未知字段 / unknown field: ${field}`,
    })),
  })
  return true
}
