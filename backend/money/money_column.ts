import { column } from '@adonisjs/lucid/orm'
import { Money } from './money.js'

/**
 * A Lucid column holding integer fen (BIGINT). The model sees a Money; the
 * database sees the fen as a string (mysql2 bigNumberStrings) or integer (SQLite).
 */
export const moneyColumn = (options: Parameters<typeof column>[0] = {}) =>
  column({
    ...options,
    prepare: (value: Money | null | undefined) => (value == null ? value : value.toFen()),
    consume: (value: string | number | bigint | null) =>
      value == null ? value : Money.fromFen(value),
    serialize: (value: Money | null) => (value == null ? value : value.toYuan()),
  })
