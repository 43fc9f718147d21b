/*
| Money sums for dashboard queries, exact on both databases: SUM over BIGINT fen
| cast to text (better-sqlite3 would hand a JS number back), read as Money.
*/
import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'

/** `CAST(COALESCE(SUM(<expression>), 0) AS CHAR) as <alias>`; bindings for `?` in the expression. */
export const fenSum = (expression: string, alias: string, bindings: unknown[] = []) =>
  db.raw(`CAST(COALESCE(SUM(${expression}), 0) AS CHAR) as ${alias}`, bindings as any[])

/** A fen text from the database as yuan with two decimals. */
export const yuanOf = (fen: unknown) => Money.fromFen(String(fen ?? '0')).toYuan()
