/*
| A condition's value(s), checked against the field's type and turned into
| what the database compares: amounts from yuan to whole fen, numbers and
| dates in canonical text, dictionary codes checked against the dictionary.
| Anything else is a 422 on that value; nothing here ever becomes SQL text.
*/
import { Money, MoneyError } from '#core/money/money'
import type { QueryFieldDefinition } from './dataset_types.js'
import { QueryError } from './query_error.js'

const NUMBER = /^-?\d{1,18}(\.\d{1,10})?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isCalendarDate(text: string) {
  const match = DATE.exec(text)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Turns one value into its bound form, or throws a 422 naming `path`. */
export function boundValue(
  field: QueryFieldDefinition,
  raw: string,
  path: string,
  dictionaryCodes: Set<string> | null
): string {
  const text = raw.trim()
  switch (field.type) {
    case 'amount':
      try {
        return Money.fromYuan(text).toFen()
      } catch (error) {
        if (error instanceof MoneyError) throw new QueryError('query.badAmount', path)
        throw error
      }
    case 'number':
      if (!NUMBER.test(text)) throw new QueryError('query.badNumber', path)
      return text
    case 'date':
      if (!isCalendarDate(text)) throw new QueryError('query.badDate', path)
      return text
    case 'dict':
      if (!dictionaryCodes?.has(text)) throw new QueryError('query.badCode', path)
      return text
    case 'string':
      if (!text.length) throw new QueryError('query.valueRequired', path)
      return text
  }
}

/** `like` means "contains": the user's % and _ are literal characters (escaped with !). */
export const containsPattern = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`
