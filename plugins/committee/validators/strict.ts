import { errors } from '@vinejs/vine'

/** Unknown top-level fields are refused, never ignored (VineJS objects drop them silently). */
export function refuseUnknown(input: unknown, allowed: readonly string[]) {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return
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
