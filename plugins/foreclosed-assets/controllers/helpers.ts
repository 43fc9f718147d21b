/*
| What every controller of the plugin shares: the 404 answer, a service
| refusal as the API's one error shape, strict bodies (unknown fields refused),
| the actor, and the asset in scope.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { ForeclosedAssetError } from '../assets/asset_error.js'
import { assetRowInScope } from '../assets/asset_scope.js'

export const notFound = (ctx: HttpContext) =>
  ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })

export async function answering<T>(ctx: HttpContext, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof ForeclosedAssetError)) {
      const e = error as { status?: number; zh?: string; en?: string; field?: string }
      // Another plugin's refusal (expenses, committee) has the same shape.
      if (!(typeof e?.status === 'number' && typeof e?.zh === 'string')) throw error
    }
    const e = error as ForeclosedAssetError
    const message = ctx.locale === 'en' ? e.en : e.zh
    if (e.status === 404 && !e.field) return notFound(ctx)
    return ctx.response.status(e.status).send({
      message: e.status === 422 ? ctx.i18n('validation.failed') : message,
      ...(e.field ? { errors: [{ field: e.field, rule: 'foreclosed-assets', message }] } : {}),
    })
  }
}

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
