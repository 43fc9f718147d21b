/*
| The expenses plugin's public service (公开服务): how every business plugin
| (诉讼管理's 案件受理费 and 律师费, a transfer's 过户税费, an asset's 保管费 …)
| records an expense and reads its own records' expenses. Documented in
| docs/plugins.md ("Expenses"). Everything else in the plugin may change.
|
|   import { recordExpense, listFor, totalsFor } from '../../expenses/services/expenses_api.js'
|   await db.transaction(async (trx) => {
|     const { expense, created } = await recordExpense(trx, {
|       feeKind: 'acceptance_fee', customerId, loanIds: [12], payer: '本行',
|       payee: '北京市朝阳区人民法院', amount: '12300.00', expenseDate: '2026-12-07',
|       recoverable: true,
|       source: { plugin: 'litigation', kind: 'case', id: caseId, label: caseNo,
|                 link: `/p/litigation/Cases?id=${caseId}` },
|       requestKey: `case:${caseId}:acceptance`, operatorId: user.id, access, ctx,
|     })
|   })
|   const fees = await listFor({ plugin: 'litigation', kind: 'case', id: caseId }, access)
|   const totals = await totalsFor(cases.map((c) => ({ plugin: 'litigation', kind: 'case', id: c.id })))
|   // A ledger (SQL) joins the sums per source record: services/expense_sums_api.ts.
|
| Amounts are yuan text ("1234.56", at most two decimals, above zero); dates
| 'YYYY-MM-DD'. Invalid input throws VineJS's E_VALIDATION_ERROR (answer 422);
| a refusal throws ExpenseError with `status` 404 / 409 / 422, `zh`, `en`, `field`.
*/
export {
  recordExpense,
  listFor,
  totalsFor,
  type RecordExpenseInput,
  type ExpenseSourceRef,
  type ExpenseTotals,
} from '../expense/record_expense.js'
export { ExpenseError } from '../expense/expense_error.js'
export type { Expense, ExpenseSource, PostingState } from '../expense/expense_read.js'
