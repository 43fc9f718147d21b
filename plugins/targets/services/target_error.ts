import type { Localized } from '#core/plugins/types'

/** A refusal with its HTTP status and text in both languages (a plugin has no server i18n part). */
export class TargetError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly text: Localized,
    readonly field?: string
  ) {
    super(text.en)
  }
}
