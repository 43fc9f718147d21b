import { RuleError, type RuleData } from '#core/plugins/rule_error'

/**
 * A refusal of the query service: `key` is an i18n key (server texts
 * 'query.*'), `field` the input path it is about (e.g. `where.items.0.value`).
 * A RuleError, so the exception handler answers it: a 422 names its field
 * (rule = the key), a 404 / 403 / 409 carries the key's text.
 */
export class QueryError extends RuleError {
  constructor(
    key: string,
    readonly field: string | null = null,
    status: 403 | 404 | 409 | 422 = 422,
    data: RuleData = {}
  ) {
    super(
      status,
      status === 422 ? 'validation.failed' : key,
      status === 422 ? { data, problems: [{ field: field ?? 'query', rule: key, key, data }] } : { data }
    )
    this.queryKey = key
  }

  /** The query rule's own key (for a 422 the answer's code is 'validation.failed'). */
  readonly queryKey: string
}
