import { RuleError } from '#core/plugins/rule_error'

/** A refusal (its text as written): a RuleError the exception handler answers, a 422 also under its field. */
export class LitPlanError extends RuleError {
  constructor(
    status: 404 | 409 | 422,
    message: string,
    readonly field?: string
  ) {
    super(status, 'litigation.planRefused', {
      message,
      problems:
        status === 422
          ? [{ field: field ?? 'id', rule: 'litigationPlan', text: { zh: message, en: message } }]
          : undefined,
    })
  }
}
