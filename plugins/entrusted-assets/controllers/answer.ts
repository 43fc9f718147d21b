import type { HttpContext } from '@adonisjs/core/http'
import { EntrustedError } from '../services/assets.js'

/** Runs the work; an EntrustedError becomes its 404/409 or a 422 with the field message. */
export async function answer<T>(ctx: HttpContext, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof EntrustedError)) throw error
    const message = String(ctx.locale).startsWith('en') ? error.en : error.zh
    if (error.status === 422)
      return ctx.response.unprocessableEntity({
        message: ctx.i18n('validation.failed'),
        errors: [{ field: error.field ?? 'id', rule: 'entrusted', message }],
      })
    return ctx.response.status(error.status).send({ message })
  }
}

export const idOf = (ctx: HttpContext) => Number(ctx.params.id)
