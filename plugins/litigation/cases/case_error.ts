import type { HttpContext } from '@adonisjs/core/http'
import { pickLocale } from '#core/i18n/messages'
import { RuleError } from '#core/plugins/rule_error'

/**
 * A refusal the user can act on: status for the route, message in both languages, the field.
 * A RuleError the exception handler answers: `{ message }`, plus the field message in
 * `errors` when a field is named (like VineJS's, so the console shows it under the field).
 */
export class CaseError extends RuleError {
  constructor(
    status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(status, 'litigation.caseRefused', {
      text: { zh, en },
      problems: field ? [{ field, rule: 'case', text: { zh, en } }] : undefined,
    })
    this.message = zh
  }

  /** Another plugin's refusal (时效管理, 费用管理) met in a case action, answered as the case's own. */
  static from(error: { status: 404 | 409 | 422; zh: string; en: string; field?: string }) {
    return new CaseError(error.status, error.zh, error.en, error.field)
  }

  /** The text as written, in the request's language (a named field's entry repeats it). */
  messageFor(ctx: HttpContext) {
    return pickLocale(ctx.request.header('accept-language')) === 'en' ? this.en : this.zh
  }
}
