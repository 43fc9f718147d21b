/*
| The answers 系统管理 · organization gives when a rule says no. Services throw
| these (they run without HTTP in tests); the exception handler answers them
| (RuleError, backend/plugins/rule_error.ts) in the caller's language:
|   404 `{ message }`                         — missing or outside the data scope
|   422 `{ message, code, errors: [{field, rule, message}] }` — bad input or a blocked delete
|   403 `{ message, code, rule }`             — a grant that exceeds the granter (GrantRefused)
*/
import { RuleError, type FieldProblem, type Localizable } from '#core/plugins/rule_error'

export type { Localizable }
export type Problem = FieldProblem

export class OrganizationError extends RuleError {
  constructor(
    status: 404 | 422,
    key: string,
    data: Record<string, Localizable> = {},
    problems: Problem[] = []
  ) {
    // Every 422 lists its fields, even a blocked delete (an empty list): the console reads `errors`.
    super(status, key, { data, problems: status === 422 ? problems : undefined })
  }

  /** Missing, or outside the caller's data scope: the same answer, so nothing leaks. */
  static notFound() {
    return new OrganizationError(404, 'http.notFound')
  }

  /** A field is wrong (unique code, unknown id, weak password …). */
  static invalid(problems: Problem[]) {
    return new OrganizationError(422, 'validation.failed', {}, problems)
  }

  static field(field: string, rule: string, key: string, data: Record<string, Localizable> = {}) {
    return OrganizationError.invalid([{ field, rule, key, data }])
  }

  /** A business rule blocks the action as a whole (e.g. deleting an org that still has users). */
  static blocked(key: string, data: Record<string, Localizable> = {}) {
    return new OrganizationError(422, key, data)
  }
}

/** MySQL/MariaDB and SQLite name a foreign-key refusal differently. */
export function isForeignKeyViolation(error: unknown) {
  const e = error as { code?: string; errno?: number }
  return (
    e?.code === 'ER_ROW_IS_REFERENCED_2' ||
    e?.code === 'ER_ROW_IS_REFERENCED' ||
    e?.errno === 1451 ||
    e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  )
}
