import type { HttpContext } from '@adonisjs/core/http'
import { pickLocale } from '#core/i18n/messages'
import { CaseError } from '../../cases/case_error.js'
import { LimitationError } from '../../../disposal/services/limitation_api.js'
import { ExpenseError } from '../../../expenses/services/expenses_api.js'

/**
 * Runs a case action and answers a CaseError with its status: a 422 names its
 * field like VineJS does, so the console shows it under the field.
 */
export async function answering<T>(ctx: HttpContext, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    // 时效管理's refusals (a loan out of scope, a date it cannot take) answer the same way.
    // So do 费用管理's (a case's fee: a future date, a loan out of scope).
    if (
      !(error instanceof CaseError) &&
      !(error instanceof LimitationError) &&
      !(error instanceof ExpenseError)
    )
      throw error
    const message = pickLocale(ctx.request.header('accept-language')) === 'en' ? error.en : error.zh
    return ctx.response.status(error.status).send({
      message,
      ...(error.field ? { errors: [{ field: error.field, rule: 'case', message }] } : {}),
    })
  }
}
