import app from '@adonisjs/core/services/app'
import { HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { MAX_NESTING } from '#core/security/nesting_limit_middleware'
import { TooManyJobsError } from '#core/queue/user_job_throttle'
import { RuleError } from '#core/plugins/rule_error'

/*
| One error shape for the console: `{ message }`, plus `errors: [{ field, rule,
| message }]` on 422. Messages are in the user's language; internals never leak
| in production.
*/
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  /** Expected outcomes (bad input, no access, not found) are answers, not incidents. */
  protected ignoreStatuses = [400, 401, 403, 404, 422, 429]

  async handle(error: unknown, ctx: HttpContext) {
    // A business rule said no (backend/plugins/rule_error.ts): its own answer, in the caller's language.
    if (error instanceof RuleError) return error.answer(ctx)
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      return ctx.response
        .status(422)
        .send({ message: ctx.i18n('validation.failed'), errors: error.messages })
    }
    if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS) {
      return ctx.response.status(401).send({ message: ctx.i18n('auth.unauthenticated') })
    }
    if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
      return ctx.response.status(400).send({ message: ctx.i18n('auth.invalidCredentials') })
    }
    if (error instanceof lucidErrors.E_ROW_NOT_FOUND) {
      return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    }
    // A body nested deep enough to overflow the JSON parser's walk (nesting_limit_middleware
    // refuses the shallower ones): a 400 in the user's language, never the engine's text.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return ctx.response
        .status(400)
        .send({ message: ctx.i18n('http.tooDeep', { max: MAX_NESTING }), code: 'TOO_DEEP' })
    }
    if (error instanceof SyntaxError && (error as any).status === 400) {
      return ctx.response.status(400).send({ message: ctx.i18n('http.badJson'), code: 'BAD_JSON' })
    }
    if (error instanceof TooManyJobsError) return error.handle(error, ctx)
    const status = (error as any)?.status ?? 500
    if (status >= 500) {
      ctx.logger.error({ err: error }, 'request failed')
      return ctx.response.status(500).send({
        message: ctx.i18n('http.serverError'),
        ...(this.debug ? { detail: (error as Error)?.message } : {}),
      })
    }
    // A service refusal carrying a message key (WorkflowError and the like) that reached here
    // without its area's translator: the user reads the text, never the key.
    const keyed = error as {
      key?: unknown
      data?: Record<string, unknown>
      handlerMessage?: string
    }
    if (typeof keyed?.key === 'string' && /^[a-z]\w*\.\w/.test(keyed.key)) {
      return ctx.response.status(status).send({
        message: keyed.handlerMessage ?? ctx.i18n(keyed.key, keyed.data ?? {}),
        code: keyed.key,
      })
    }
    // A refusal written in both languages (credit-assets' AssetClaimError, a plugin's own
    // error carrying `en`): the English text when the user reads English.
    const en = (error as { en?: unknown })?.en
    if (ctx.locale === 'en' && typeof en === 'string' && en)
      return ctx.response.status(status).send({ message: en })
    return ctx.response.status(status).send({ message: (error as Error)?.message ?? String(error) })
  }

  /*
  | A RuleError with a 4xx status is a business rule saying no — an answer, not an
  | incident (a 409 or a 403 would otherwise be logged at warn, with no trace of
  | which rule): logged at info with its code. A 5xx one is reported as any error.
  */
  async report(error: unknown, ctx: HttpContext) {
    if (error instanceof RuleError && error.status < 500) {
      ctx.logger.info(
        { code: error.code, status: error.status, ...this.context(ctx) },
        'rule refused'
      )
      return
    }
    return super.report(error, ctx)
  }
}
