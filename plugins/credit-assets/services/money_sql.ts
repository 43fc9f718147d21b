/*
| better-sqlite3 returns INTEGER columns as JS numbers, which lose fen above
| 2^53; MySQL returns BIGINT as strings (bigNumberStrings). Selecting money as
| CAST(… AS CHAR) gives exact text on both.
*/
import db from '@adonisjs/lucid/services/db'

export const fenText = (column: string, alias: string) =>
  db.raw(`CAST(${column} AS CHAR) as ${alias}`)

export const LOAN_MONEY_COLUMNS = [
  'amount_fen',
  'balance_fen',
  'overdue_principal_fen',
  'overdue_interest_fen',
  'penalty_interest_fen',
  'compound_interest_fen',
  'on_balance_interest_fen',
  'off_balance_interest_fen',
]
