/*
| The answers 系统管理 · organization gives when a rule says no. Services throw
| these (they run without HTTP in tests); `respond` turns them into the one
| error shape in the caller's language:
|   404 `{ message }`                         — missing or outside the data scope
|   422 `{ message, errors: [{field, rule, message}] }` — bad input or a blocked delete
|   403 `{ message, rule }`                   — a grant that exceeds the granter
*/
import type { HttpContext } from '@adonisjs/core/http'
import { GrantRefused } from '#core/auth/grant_guard'
import { securityLog } from '#core/security/security_log'

export type Localizable = string | number | { zh: string; en: string }

export interface Problem {
  field: string
  rule: string
  /** i18n key (with `data`), or a ready text in both languages. */
  key?: string
  text?: { zh: string; en: string }
  data?: Record<string, Localizable>
}

export class OrganizationError extends Error {
  constructor(
    readonly status: 404 | 422,
    readonly key: string,
    readonly data: Record<string, Localizable> = {},
    readonly problems: Problem[] = []
  ) {
    super(key)
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

function localize(ctx: HttpContext, data: Record<string, Localizable> = {}) {
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(data)) {
    out[name] = typeof value === 'object' ? (ctx.locale === 'en' ? value.en : value.zh) : value
  }
  return out
}

/** Runs a service call; rule refusals become their HTTP answer, anything else goes to the handler. */
export async function respond<T>(ctx: HttpContext, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if (error instanceof GrantRefused) {
      await securityLog.denied(ctx, 'security.escalation_refused', {
        detail: `${ctx.request.method()} ${ctx.request.url()}: ${error.rule}`,
      })
      return ctx.response
        .status(403)
        .send({ message: ctx.i18n(error.key, localize(ctx, error.data)), rule: error.rule })
    }
    if (error instanceof OrganizationError) {
      const errors = error.problems.map((p) => ({
        field: p.field,
        rule: p.rule,
        message: p.text
          ? ctx.locale === 'en'
            ? p.text.en
            : p.text.zh
          : ctx.i18n(p.key ?? 'validation.failed', localize(ctx, p.data)),
      }))
      const body: Record<string, unknown> = {
        message: ctx.i18n(error.key, localize(ctx, error.data)),
      }
      if (error.status === 422) body.errors = errors
      return ctx.response.status(error.status).send(body)
    }
    throw error
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
