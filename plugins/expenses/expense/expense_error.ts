/*
| An expense request the service refuses after validation: a loan of another
| customer, a customer outside the caller's scope, a paid expense paid again.
| `status` is what a route answers; the message is in both languages because
| the caller may be another plugin's job; `field` names the input at fault.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'
export class ExpenseError extends RuleError {
  declare readonly status: 404 | 409 | 422

  constructor(
    status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(status, status === 404 && !field ? 'http.notFound' : 'expenses.refused', {
      text: { zh, en },
      problems: field ? [{ field, rule: 'expense', text: { zh, en } }] : undefined,
    })
    this.message = zh
  }

  /** A RuleError the exception handler answers: a bare 404 is the plain not-found text, a 422 'validation.failed'. */
  messageFor(ctx: HttpContext) {
    if (this.status === 404 && !this.field) return ctx.i18n('http.notFound')
    if (this.status === 422) return ctx.i18n('validation.failed')
    return ctx.locale === 'en' ? this.en : this.zh
  }
}

export { refuseUnknown } from '#core/validation/unknown_fields'
