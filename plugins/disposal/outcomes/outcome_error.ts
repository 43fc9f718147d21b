import { RuleError } from '#core/plugins/rule_error'

/*
| A disposal outcome the service refuses after validation: the loans are not
| one customer's, the plan does not fit, the outcome was already reversed …
| `status` is the HTTP status a calling route should answer with; the message
| is in both languages because the caller may be a job with no request.
*/
export class OutcomeError extends RuleError {
  declare readonly status: 404 | 409 | 422

  constructor(
    status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string
  ) {
    // A RuleError: the handler answers in the caller's language (the pair, no server key).
    super(status, 'disposal.outcomeRefused', { text: { zh, en } })
    this.message = zh
  }
}

/** Unknown fields are refused, never ignored (kept here for the outcome code's imports). */
export { refuseUnknown } from '#core/validation/unknown_fields'
