import { RuleError } from '#core/plugins/rule_error'

/*
| A refusal of 清收 services, written in both languages: a RuleError, so the
| exception handler answers it (controllers keep no try/catch):
|   404  { message }                                   — missing or outside the data scope
|   409  { message, code }                             — the state says no
|   422  { message, code, errors: [{ field, rule: 'collection', message }] }
*/
export class CollectionError extends RuleError {
  constructor(
    status: 404 | 409 | 422,
    readonly field: string | null,
    readonly zh: string,
    readonly en: string
  ) {
    super(
      status,
      status === 404
        ? 'http.notFound'
        : status === 409
          ? 'collection.refused'
          : 'validation.failed',
      status === 422
        ? { problems: [{ field: field ?? 'id', rule: 'collection', text: { zh, en } }] }
        : { text: { zh, en } }
    )
    this.message = en
  }

  /**
   * Another plugin's bilingual refusal met inside a 清收 action (disposal's
   * LimitationError, expenses' ExpenseError): answered as this plugin's own.
   */
  static from(error: { status: number; zh: string; en: string; field?: string }) {
    const status = error.status === 404 || error.status === 409 ? error.status : 422
    return new CollectionError(status, error.field ?? null, error.zh, error.en)
  }
}
