import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'

/*
| A committee action the service refuses after validation: no quorum, voting not
| open, an item already on an agenda … `status` is the HTTP status a route answers
| with; both languages, because the caller may be another plugin's job. A RuleError:
| the exception handler answers it with the text in the user's language (a 422 naming
| a field also carries it in `errors`, like VineJS's).
*/
export class CommitteeError extends RuleError {
  constructor(
    status: 403 | 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(status, 'committee.refused', {
      text: { zh, en },
      problems: field ? [{ field, rule: 'committee', text: { zh, en } }] : undefined,
    })
    this.message = zh
  }

  /** The text as written, also for a 422 (its field entry repeats it). */
  messageFor(ctx: HttpContext) {
    return String(ctx.locale ?? '').startsWith('en') ? this.en : this.zh
  }
}
