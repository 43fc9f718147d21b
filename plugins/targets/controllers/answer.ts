import type { HttpContext } from '@adonisjs/core/http'
import { localize } from '../services/localize.js'
import { TargetError } from '../services/target_error.js'

/** Runs the work; a TargetError becomes its 404/409 or a 422 with the field message. */
export async function answer<T>(ctx: HttpContext, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof TargetError)) throw error
    const message = localize(ctx, error.text)
    if (error.status === 422)
      return ctx.response.unprocessableEntity({
        message: ctx.i18n('validation.failed'),
        errors: [{ field: error.field ?? 'id', rule: 'targets', message }],
      })
    return ctx.response.status(error.status).send({ message })
  }
}
