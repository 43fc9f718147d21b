import { RuleError } from '#core/plugins/rule_error'

/*
| A limitation refusal after validation: a loan missing or outside the caller's
| scope, a future date, a judgment whose deadline precedes it, an event with no
| review pending. `status` is what the route answers; the message is in both
| languages because the caller may be a job. A RuleError, so the exception handler
| answers it on 时效管理's own routes; other plugins' routes (诉讼, 催收, 监测) still
| catch it by type and read `zh` / `en` / `field` for their own answer.
*/
export class LimitationError extends RuleError {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    /** The input field at fault, for a 422 field message. */
    readonly field?: string
  ) {
    super(status, status === 422 ? 'validation.failed' : 'disposal.limitation', {
      text: { zh, en },
      problems:
        status === 422 && field ? [{ field, rule: 'limitation', text: { zh, en } }] : undefined,
    })
  }
}
