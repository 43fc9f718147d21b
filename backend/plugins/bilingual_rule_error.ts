/*
| The shape several plugins share for their refusals: a status and the text in both
| languages as the plugin wrote it (plugins have no server i18n part). A 404/409 answers
| `{ message, code }` (404 just `{ message }`); a 422 answers 'validation.failed' with the
| text under its field, like VineJS's 422 — what the per-plugin answer() wrappers used to do.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { RuleError, type Bilingual, type RuleErrorOptions } from './rule_error.js'

export class BilingualRuleError extends RuleError {
  readonly zh: string
  readonly en: string

  constructor(
    status: number,
    /** Machine code for a non-422 answer, e.g. 'targets.refused'. */
    code: string,
    text: Bilingual,
    /** The field a 422 is about ('id' when none is named). */
    readonly field?: string,
    /** The `rule` a 422's field entry names, e.g. 'targets'. */
    rule = 'rule',
    options: Pick<RuleErrorOptions, 'body' | 'data'> = {}
  ) {
    super(status, status === 422 ? 'validation.failed' : code, {
      ...options,
      text,
      problems: status === 422 ? [{ field: field ?? 'id', rule, text }] : undefined,
    })
    this.zh = text.zh
    this.en = text.en
    this.message = text.en
  }

  /** The texts as written (a 422's own text goes under its field). */
  messageFor(ctx: HttpContext) {
    if (this.status === 422) return ctx.i18n('validation.failed')
    return String(ctx.locale ?? '').startsWith('en') ? this.en : this.zh
  }
}
