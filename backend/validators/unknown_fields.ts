/*
| Unknown fields are refused, never ignored: VineJS objects drop them silently,
| so a service called by other plugins (not through a route's strict body)
| checks the keys itself and answers like a validation failure (422 with a
| field message per unknown key).
*/
import { errors } from '@vinejs/vine'

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
