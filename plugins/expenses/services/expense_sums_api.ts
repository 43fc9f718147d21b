/*
| The expenses plugin's public service for ledgers (公开服务): fee sums per source
| record as a derived table another plugin's ledger joins (诉讼台账's 费用). A
| module of its own because ledgers load with the manifest: it must not pull in
| the rest of the service (validators compiled before the app's messages
| provider is set would answer in VineJS's default English).
|
|   import { expenseSumsBySource } from '../../expenses/services/expense_sums_api.js'
|   const sums = expenseSumsBySource({ plugin: 'litigation', kinds: ['case'], asOf })
|   query.joinRaw(`LEFT JOIN ${sums.sql} fe ON fe.source_id = CAST(c.id AS CHAR)`, sums.bindings)
*/
export { expenseSumsBySource, type ExpenseSumsQuery } from '../expense/expense_sums.js'
