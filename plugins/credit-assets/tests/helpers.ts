/*
| Test DSL for credit assets: `bookLoan` lives in the public fixture module
| (fixtures/book_fixture.ts) that every plugin's tests share; `rowsOf` reads a
| credit-assets table for one loan.
*/
import db from '@adonisjs/lucid/services/db'

export { bookLoan, type LoanSpec } from '../fixtures/book_fixture.js'

/** Rows of a table for one loan, oldest first. */
export const rowsOf = (table: string, loanId: number) =>
  db.from(table).where('loan_id', loanId).orderBy('id')
