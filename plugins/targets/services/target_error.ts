import type { Localized } from '#core/plugins/types'
import { BilingualRuleError } from '#core/plugins/bilingual_rule_error'

/**
 * A refusal with its HTTP status and text in both languages (a plugin has no server i18n part):
 * a RuleError the exception handler answers — 404/409 with the text, 422 with it under its field.
 */
export class TargetError extends BilingualRuleError {
  constructor(
    status: 404 | 409 | 422,
    readonly text: Localized,
    field?: string
  ) {
    super(status, 'targets.refused', text, field, 'targets')
  }
}
