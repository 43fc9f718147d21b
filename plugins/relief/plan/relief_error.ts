import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'

interface Failure {
  rule: string
  ruleName: string
  zh: string
  en: string
}

/**
 * A refused relief action: `status` 404 / 409 / 422 with zh-CN and en messages (and the rule).
 * A RuleError the exception handler answers in the user's language: `{ message, code }`, the
 * `rule` and every failed rule (`failures`) of a refused plan, the field message in `errors`;
 * a 404 naming no field is the plain not-found answer.
 */
export class ReliefError extends RuleError {
  /** Every rule a plan failed (set by the plan service on a refused submission). */
  failures?: Failure[]

  constructor(
    status: 404 | 409 | 422 | 403 | 503,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
    readonly rule?: string
  ) {
    super(status, 'relief.refused', { text: { zh, en } })
    this.message = zh
    this.name = 'ReliefError'
  }

  async answer(ctx: HttpContext) {
    if (this.status === 404 && !this.field)
      return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    const en = ctx.locale === 'en'
    const message = en ? this.en : this.zh
    return ctx.response.status(this.status).send({
      message,
      code: this.code,
      ...(this.rule ? { rule: this.rule } : {}),
      ...(this.failures
        ? {
            failures: this.failures.map((f) => ({
              rule: f.rule,
              ruleName: f.ruleName,
              message: en ? f.en : f.zh,
            })),
          }
        : {}),
      ...(this.field ? { errors: [{ field: this.field, rule: 'relief', message }] } : {}),
    })
  }
}
