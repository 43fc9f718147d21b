import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'
/* The plugin's tables, its feed interface and its one error type (status + both languages). */
export const ASSETS = 'non_credit_assets'
export const DAYS = 'non_credit_asset_days'
export const CHANGES = 'non_credit_class_changes'
/** 数据中台's interface this plugin adds (plugin.ts `connectorInterfaces`). */
export const FEED_SYSTEM = 'data-platform'
export const FEED_INTERFACE = 'non-credit-assets'
export const ASSET_TYPES = ['interbank', 'investment', 'receivable', 'advance', 'other'] as const

/**
 * A refusal of 非信贷资产, in both languages: a RuleError the exception handler
 * answers — 404/409 `{ message }` (409 with `code`), 422 with the field message.
 */
export class NonCreditError extends RuleError {
  constructor(
    status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(status, status === 422 ? 'validation.failed' : 'nonCredit.refused', {
      problems:
        status === 422
          ? [{ field: field ?? 'id', rule: 'nonCredit', text: { zh, en } }]
          : undefined,
    })
    this.message = zh
  }

  /** The texts as written (a 422's own text goes under its field). */
  messageFor(ctx: HttpContext) {
    if (this.status === 422) return ctx.i18n('validation.failed')
    return ctx.locale === 'en' ? this.en : this.zh
  }
}
