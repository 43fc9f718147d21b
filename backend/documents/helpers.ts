/*
| The few helpers every document template may use. Money arrives as yuan
| text ("1234567.80") and is only re-formatted with thousands separators here —
| never parsed into a float — so a printed amount is exact to the fen.
*/
import type { HelperDelegate } from 'handlebars'
import { groupThousands } from '#core/money/money'

/** "1234567.8" | "-1234.56" → "1,234,567.80" / "-1,234.56"; anything else is printed as is. */
export function formatYuan(value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  const text = String(value).trim()
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return text
  const [, sign, whole, fraction = ''] = match
  return groupThousands(`${sign}${whole}.${fraction.padEnd(2, '0')}`)
}

export const documentHelpers: Record<string, HelperDelegate> = {
  /** {{yuan amount}} → 1,234.56 */
  yuan: (value: unknown) => formatYuan(value),
  /** {{or a b}} → the first value that is not empty */
  or: (...args: unknown[]) =>
    args.slice(0, -1).find((v) => v !== null && v !== undefined && v !== ''),
  /** {{#if (eq status "approved")}} */
  eq: (a: unknown, b: unknown) => a === b,
  /** {{inc @index}} → 1-based row numbers */
  inc: (value: unknown) => Number(value) + 1,
}
