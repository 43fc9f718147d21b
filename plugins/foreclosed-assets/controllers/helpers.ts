/*
| What every controller of the plugin shares: the 404 answer, strict bodies (unknown fields refused),
| the actor, and the asset in scope.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { assetRowInScope } from '../assets/asset_scope.js'

export const notFound = (ctx: HttpContext) =>
  ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })

export const idParam = (ctx: HttpContext, name = 'id') => {
  const id = Number(ctx.params[name])
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/** The body validated strictly: a key the validator does not know is a 422. */
export async function strictBody<T>(
  ctx: HttpContext,
  validator: { validate: (data: unknown, options?: any) => Promise<T> },
  fields: Record<string, unknown>
): Promise<T> {
  refuseUnknownFields(ctx, Object.keys(fields))
  return ctx.request.validateUsing(validator as any) as Promise<T>
}

export async function actorOf(ctx: HttpContext) {
  const user = ctx.auth.getUserOrFail()
  return { userId: user.id, orgId: user.orgId, ctx, access: await accessOf(ctx) }
}

/** The asset of `:id` (or `:assetId`) in the caller's scope, else null. */
export async function assetOf(ctx: HttpContext, name = 'id') {
  const id = idParam(ctx, name)
  return id ? assetRowInScope(id, await accessOf(ctx)) : null
}
