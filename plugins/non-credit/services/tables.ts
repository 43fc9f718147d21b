/* The plugin's tables, its feed interface and its one error type (status + both languages). */
export const ASSETS = 'non_credit_assets'
export const DAYS = 'non_credit_asset_days'
export const CHANGES = 'non_credit_class_changes'
/** 数据中台's interface this plugin adds (plugin.ts `connectorInterfaces`). */
export const FEED_SYSTEM = 'data-platform'
export const FEED_INTERFACE = 'non-credit-assets'
export const ASSET_TYPES = ['interbank', 'investment', 'receivable', 'advance', 'other'] as const

export class NonCreditError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(zh)
  }
}
