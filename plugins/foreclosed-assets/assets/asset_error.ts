import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'

/*
| A request the plugin refuses after validation: an unknown asset class, a loan
| that does not exist, an asset already disposed. `status` is what a route
| answers; the message is in both languages because the caller may be another
| plugin's job; `field` names the input at fault. A RuleError: the exception
| handler answers it — a 404 without a field as the shared "not found", a 422 as
| 'validation.failed' with the text under its field, anything else in the
| caller's language.
*/
export class ForeclosedAssetError extends RuleError {
  constructor(
    status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(
      status,
      status === 404 && !field
        ? 'http.notFound'
        : status === 422
          ? 'validation.failed'
          : 'foreclosed-assets.refused',
      {
        text: { zh, en },
        problems: field ? [{ field, rule: 'foreclosed-assets', text: { zh, en } }] : undefined,
      }
    )
    this.message = zh
  }

  messageFor(ctx: HttpContext) {
    if (this.status === 404 && !this.field) return ctx.i18n('http.notFound')
    if (this.status === 422) return ctx.i18n('validation.failed')
    return ctx.locale === 'en' ? this.en : this.zh
  }
}
