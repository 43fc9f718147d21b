/*
| What a user may send to a ledger: paging, a sort key from the ledger's
| whitelist, an as-of date, and one value per declared filter (ranges as
| <key>From / <key>To). One VineJS schema per ledger, built from its definition
| and cached, so an undeclared name never reaches the query.
*/
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import type { VineValidator } from '@vinejs/vine'
import { money } from '#core/money/money_rule'
import type { LedgerFilter } from '#core/plugins/types'
import type { RegisteredLedger } from './registry.js'

export interface LedgerInput {
  page?: number
  perPage?: number
  /** Keyset paging: the signed cursor of the next / previous page (#core/db/keyset_cursor). */
  after?: string
  before?: string
  sort?: string
  order?: 'asc' | 'desc'
  asOf?: string
  columns?: string[]
  filters: Record<string, string | number | undefined>
}

const isRange = (f: LedgerFilter) => f.type.endsWith('Range')

function filterFields(filters: LedgerFilter[]) {
  const fields: Record<string, any> = {}
  for (const filter of filters) {
    if (filter.type === 'dateRange') {
      fields[`${filter.key}From`] = vine.string().use(calendarDate()).optional()
      fields[`${filter.key}To`] = vine.string().use(calendarDate()).optional()
    } else if (filter.type === 'numberRange') {
      fields[`${filter.key}From`] = vine.number().range([-1e12, 1e12]).optional()
      fields[`${filter.key}To`] = vine.number().range([-1e12, 1e12]).optional()
    } else if (filter.type === 'moneyRange') {
      fields[`${filter.key}From`] = vine.string().trim().use(money()).optional()
      fields[`${filter.key}To`] = vine.string().trim().use(money()).optional()
    } else if (filter.type === 'org') {
      fields[filter.key] = vine.number().withoutDecimals().positive().optional()
    } else {
      fields[filter.key] = vine.string().trim().maxLength(100).optional()
    }
  }
  return fields
}

function schemaFor(ledger: RegisteredLedger, maxPerPage: number) {
  const keys = ledger.columns.map((c) => c.key)
  const sortable = ledger.columns.filter((c) => c.sortable).map((c) => c.key)
  return vine.object({
    page: vine.number().withoutDecimals().min(1).max(1_000_000).optional(),
    perPage: vine.number().withoutDecimals().range([1, maxPerPage]).optional(),
    // Checked by decodeCursor (signature, list, sort): a bad one is a 422 there.
    after: vine.string().maxLength(2000).optional(),
    before: vine.string().maxLength(2000).optional(),
    sort: sortable.length ? vine.enum(sortable).optional() : vine.string().in([]).optional(),
    order: vine.enum(['asc', 'desc'] as const).optional(),
    asOf: ledger.asOf
      ? vine.string().use(calendarDate()).optional()
      : vine.string().in([]).optional(),
    // Export: the columns the user shows, in their order (comma list or array).
    columns: vine
      .array(vine.enum(keys))
      .maxLength(keys.length)
      .parse((v: unknown) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v))
      .optional(),
    ...filterFields(ledger.filters ?? []),
  })
}

const cache = new Map<string, VineValidator<any, any>>()

/** The compiled validator of a ledger's list (perPage ≤ 200) or print/export (larger) input. */
export function ledgerValidator(ledger: RegisteredLedger, purpose: 'list' | 'print' = 'list') {
  const cacheKey = `${ledger.id}:${purpose}`
  let validator = cache.get(cacheKey)
  if (!validator) {
    validator = vine.compile(schemaFor(ledger, purpose === 'list' ? 200 : PRINT_MAX_ROWS))
    cache.set(cacheKey, validator)
  }
  return validator
}

/** A print view is paper: past this many rows the user should export instead. */
export const PRINT_MAX_ROWS = 2000

/** Splits validated input into the paging part and the declared filters' values. */
export function toLedgerInput(ledger: RegisteredLedger, raw: Record<string, any>): LedgerInput {
  const filters: LedgerInput['filters'] = {}
  for (const filter of ledger.filters ?? []) {
    const names = isRange(filter) ? [`${filter.key}From`, `${filter.key}To`] : [filter.key]
    for (const name of names)
      if (raw[name] !== undefined && raw[name] !== '') filters[name] = raw[name]
  }
  return {
    page: raw.page,
    perPage: raw.perPage,
    after: raw.after || undefined,
    before: raw.before || undefined,
    sort: raw.sort,
    order: raw.order,
    asOf: raw.asOf,
    columns: raw.columns,
    filters,
  }
}
