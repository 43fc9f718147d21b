import { RuleError, type RuleData } from '#core/plugins/rule_error'

/**
 * A refusal of the dashboard services: an HTTP status, a message key and the
 * field it concerns. A RuleError, so the exception handler answers it: a 422
 * names its field (rule = the key), a 403 / 404 carries the key's text.
 */
export class DashboardError extends RuleError {
  constructor(
    status: 403 | 404 | 422,
    key: string,
    data: RuleData = {},
    readonly field?: string
  ) {
    super(
      status,
      status === 422 ? 'validation.failed' : key,
      status === 422 ? { data, problems: [{ field: field ?? 'id', rule: key, key, data }] } : { data }
    )
  }
}
