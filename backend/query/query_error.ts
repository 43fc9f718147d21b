/**
 * A refusal of the query service: `key` is an i18n key (server texts
 * 'query.*'), `field` the input path it is about (e.g. `where.items.0.value`).
 * Controllers turn it into 422 field errors, 404 or 403.
 */
export class QueryError extends Error {
  constructor(
    readonly key: string,
    readonly field: string | null = null,
    readonly status: 403 | 404 | 409 | 422 = 422,
    readonly data: Record<string, unknown> = {}
  ) {
    super(key)
  }
}
