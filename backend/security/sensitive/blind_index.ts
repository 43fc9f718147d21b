/*
| 盲索引: HMAC-SHA256 of the normalised value, hex. Equal values give equal
| hashes, so `WHERE id_no_hash = ?` finds an exact ID number through an index
| while the column reveals nothing without the key. Only exact search: no
| prefix, no LIKE (that would need the clear value).
*/
import { createHmac } from 'node:crypto'
import { currentKeys } from './keys.js'

/** Spaces dropped, letters upper-cased: `11010119900101123x ` and `11010119900101123X` are one number. */
export const normalizeForIndex = (value: string) => value.replace(/\s+/g, '').toUpperCase()

export function blindIndex(value: string, key: Buffer = currentKeys().index): string {
  return createHmac('sha256', key).update(normalizeForIndex(value), 'utf8').digest('hex')
}
