/*
| A disposal outcome the service refuses after validation: the loans are not
| one customer's, the plan does not fit, the outcome was already reversed …
| `status` is the HTTP status a calling route should answer with; the message
| is in both languages because the caller may be a job with no request.
*/
import { errors } from '@vinejs/vine'

export class OutcomeError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string
  ) {
    super(zh)
  }
}

/** Unknown fields are refused, never ignored (VineJS objects drop them silently). */
export function refuseUnknown(input: object, allowed: readonly string[]) {
  const unknown = Object.keys(input).filter((key) => !allowed.includes(key))
  if (!unknown.length) return
  throw new errors.E_VALIDATION_ERROR(
    unknown.map((field) => ({
      field,
      rule: 'unknown',
      message: `未知字段 / unknown field: ${field}`,
    }))
  )
}
