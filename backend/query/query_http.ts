import type { HttpContext } from '@adonisjs/core/http'
import { QueryError } from './query_error.js'

/** The query service's refusals in the API's one error shape, in the caller's language. */
export async function answer<T>(ctx: HttpContext, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof QueryError)) throw error
    const message = ctx.i18n(error.key, error.data)
    if (error.status === 422)
      return ctx.response.unprocessableEntity({
        message: ctx.i18n('validation.failed'),
        errors: [{ field: error.field ?? 'query', rule: error.key, message }],
      })
    return ctx.response.status(error.status).send({ message })
  }
}

export const idOf = (ctx: HttpContext) => Number(ctx.params.id)
