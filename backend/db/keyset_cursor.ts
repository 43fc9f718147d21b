/*
| Keyset paging (issue 20): a list answers with an opaque cursor for the next and
| the previous page — the last / first row's sort value and row key, signed with
| APP_KEY — and a request with `after` / `before` continues from it with a
| predicate the sort index serves (`col < v OR (col = v AND id < k)`), instead
| of OFFSET, which reads and discards every row before the page.
|
| A cursor names the list, the sort key and the order it was made for; one that
| does not decode, whose signature does not match, or that was made for another
| list or sort is refused with 422 (the client then asks by page number).
|
| NULLs: MariaDB and SQLite sort NULL lowest (first ascending, last descending);
| the predicate follows that, so nullable sort columns page without loss.
*/
import { createHmac, timingSafeEqual } from 'node:crypto'
import { appKey } from '#config/app'
import { RuleError } from '#core/plugins/rule_error'

export type SortOrder = 'asc' | 'desc'
/** A DATETIME travels as `{ d: ISO }` and binds as a Date again (the driver's own time zone both ways). */
type CursorValue = string | number | { d: string } | null

/** What a cursor holds: where the page ended, and what list and sort it belongs to. */
export interface KeysetCursor {
  /** The sort key the client asked for (null: the default order, by row key only). */
  sort: string | null
  order: SortOrder
  /** The sort column's value on the row (absent when sort is the row key alone). */
  value: CursorValue
  /** The row key (tie-breaker). */
  key: string | number
}

/** The part of a page request the cursor must match. */
export interface CursorContext {
  /** Which list: a cursor of one list is refused by another. */
  list: string
  sort: string | null
  order: SortOrder
}

const sign = (payload: string) =>
  createHmac('sha256', appKey.release()).update(`keyset:${payload}`).digest('base64url')

/** A DB value as JSON: Date → ISO text; big integers arrive as digit strings (bigNumberStrings). */
function plain(value: unknown): CursorValue {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return { d: value.toISOString() }
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'bigint') return value.toString()
  return String(value)
}

export function encodeCursor(context: CursorContext, value: unknown, key: unknown): string {
  const payload = Buffer.from(
    JSON.stringify([context.list, context.sort, context.order, plain(value), plain(key)])
  ).toString('base64url')
  return `${payload}.${sign(payload)}`
}

/** The 422 of a bad cursor, on the field that carried it (zh/en by the caller's language). */
export function cursorRefused(field: 'after' | 'before') {
  return RuleError.invalid([
    {
      field,
      rule: 'cursor',
      text: {
        zh: '分页游标无效或已过期，请回到第一页重新查询',
        en: 'The paging cursor is invalid or stale; go back to the first page',
      },
    },
  ])
}

const scalar = (v: unknown) =>
  v === null ||
  typeof v === 'string' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (typeof v === 'object' &&
    Object.keys(v).length === 1 &&
    typeof (v as any).d === 'string' &&
    !Number.isNaN(Date.parse((v as any).d)))

/** The cursor of `after` / `before`, checked; undefined when neither was sent. */
export function decodeCursor(
  context: CursorContext,
  input: { after?: string; before?: string }
): (KeysetCursor & { direction: 'after' | 'before' }) | undefined {
  if (input.after && input.before) throw cursorRefused('before')
  const direction = input.after ? 'after' : input.before ? 'before' : undefined
  if (!direction) return undefined
  const text = (direction === 'after' ? input.after : input.before)!
  const [payload, signature, extra] = text.split('.')
  if (!payload || !signature || extra !== undefined) throw cursorRefused(direction)
  const expected = Buffer.from(sign(payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw cursorRefused(direction)
  let parts: unknown
  try {
    parts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    throw cursorRefused(direction)
  }
  if (!Array.isArray(parts) || parts.length !== 5) throw cursorRefused(direction)
  const [list, sort, order, value, key] = parts
  // Signed by us, but for another list or sort (a stale tab, a copied link): refused, not misread.
  if (list !== context.list || sort !== context.sort || order !== context.order)
    throw cursorRefused(direction)
  if (!scalar(value) || !(typeof key === 'string' || Number.isFinite(key)))
    throw cursorRefused(direction)
  return { sort, order, value, key, direction }
}

/**
 * Values bind as they were read: a BIGINT arrives as digit text (bigNumberStrings) and
 * the database compares it with the column as a number; a text column that holds
 * digits ('00123') must stay text, so digits are never turned into numbers here.
 */
function bindable(v: string | number | { d: string }): string | number | Date {
  return typeof v === 'object' ? new Date(v.d) : v
}

export interface KeysetOrder {
  /** SQL of the sort column (from a whitelist), or null when the row key alone orders. */
  sortSql: string | null
  sortOrder: SortOrder
  keySql: string
  keyOrder: SortOrder
}

const flip = (o: SortOrder): SortOrder => (o === 'asc' ? 'desc' : 'asc')

/**
 * The order to read the rows in: the list's own, or reversed for `before` (the
 * caller then reverses the page back).
 */
export function scanOrder(order: KeysetOrder, direction: 'after' | 'before'): KeysetOrder {
  return direction === 'after'
    ? order
    : { ...order, sortOrder: flip(order.sortOrder), keyOrder: flip(order.keyOrder) }
}

/**
 * WHERE for the rows after the cursor in `order` (already reversed for
 * `before`). OR form rather than `(col, id) < (?, ?)`: MariaDB turns it into
 * index ranges, which it does not for a row comparison; NULLs as the lowest value.
 */
export function keysetSql(
  order: KeysetOrder,
  cursor: Pick<KeysetCursor, 'value' | 'key'>
): { sql: string; bindings: (string | number | Date)[] } {
  const key = bindable(cursor.key as string | number)
  const past = (o: SortOrder) => (o === 'asc' ? '>' : '<')
  const keyPast = `${order.keySql} ${past(order.keyOrder)} ?`
  if (!order.sortSql) return { sql: keyPast, bindings: [key] }
  const col = order.sortSql
  if (cursor.value === null) {
    // Among the NULLs by key; ascending, every non-NULL value comes after them.
    return order.sortOrder === 'asc'
      ? { sql: `(${col} IS NOT NULL OR (${col} IS NULL AND ${keyPast}))`, bindings: [key] }
      : { sql: `(${col} IS NULL AND ${keyPast})`, bindings: [key] }
  }
  const value = bindable(cursor.value)
  const nulls = order.sortOrder === 'desc' ? ` OR ${col} IS NULL` : ''
  return {
    sql: `(${col} ${past(order.sortOrder)} ? OR (${col} = ? AND ${keyPast})${nulls})`,
    bindings: [value, value, key],
  }
}
