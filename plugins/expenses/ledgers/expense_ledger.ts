/*
| 费用台账: one row per expense — number, kind, customer and loans, payer and
| payee, amount, date, status, recoverable, paid and recovered dates, the
| posting's state and the source record (a link to it). Through the core
| ledger framework (under 台账管理): filters, whitelisted sorting, 合计, saved
| views, print and xlsx export (the 费用管理 page's 导出 uses this export).
| Data scope on the loans' org and manager, like the page.
*/
import type { LedgerDefinition } from '#core/plugins/types'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

const L = (zh: string, en: string) => ({ zh, en })
const LOANS = `(SELECT GROUP_CONCAT(bl.loan_no) FROM expenses_loans x JOIN ${book.loans.table} bl ON bl.id = x.loan_id WHERE x.expense_id = e.id)`
/** The posting's state from the outbox (as expense/expense_read.ts derives it). */
const POSTING = `(SELECT CASE WHEN om.status = 'sent' THEN 'posted' WHEN om.status = 'dead' THEN 'failed' WHEN om.attempts > 0 THEN 'retrying' ELSE 'pending' END FROM outbox_messages om WHERE om.idempotency_key = e.posting_key)`

export const expenseLedger: LedgerDefinition = {
  id: 'expenses',
  name: L('费用台账', 'Expense ledger'),
  permission: 'expenses:expense:list',
  exportPermission: 'expenses:expense:export',
  menu: { parent: 'credit-assets:ledgers', order: 60, icon: 'Notebook' },
  query: ({ db }) => db.from('expenses as e'),
  lookups: [
    { alias: 'og', table: 'orgs', on: 'e.org_id' },
    { alias: 'c', table: book.customers.table, on: 'e.customer_id' },
  ],
  rowKey: 'e.id',
  scope: { orgColumn: 'e.org_id', ownerColumn: 'e.manager_id' },
  defaultSort: { key: 'expenseDate', order: 'desc' },
  columns: [
    {
      key: 'expenseNo',
      label: L('费用编号', 'Expense no.'),
      type: 'text',
      sql: 'e.expense_no',
      sortable: true,
      width: 20,
      link: { sql: 'e.id', path: '/p/expenses/ExpensePage', param: 'id' },
    },
    {
      key: 'expenseDate',
      label: L('费用日期', 'Date'),
      type: 'date',
      sql: 'e.expense_date',
      sortable: true,
      width: 14,
    },
    {
      key: 'feeKind',
      label: L('费用类型', 'Kind'),
      type: 'dict',
      dict: 'expenses_fee_kind',
      sql: 'e.fee_kind',
      sortable: true,
    },
    {
      key: 'customerNo',
      label: L('客户号', 'Customer no.'),
      type: 'text',
      sql: 'c.customer_no',
      width: 16,
    },
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'c.name',
      width: 18,
    },
    { key: 'loanNos', label: L('借据号', 'Loans'), type: 'text', sql: LOANS, width: 24 },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    { key: 'payer', label: L('付款方', 'Payer'), type: 'text', sql: 'e.payer', width: 10 },
    { key: 'payee', label: L('收款方', 'Payee'), type: 'text', sql: 'e.payee', width: 20 },
    {
      key: 'amount',
      label: L('金额（元）', 'Amount'),
      type: 'money',
      sql: 'e.amount_fen',
      sortable: true,
      total: true,
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'dict',
      dict: 'expenses_status',
      sql: 'e.status',
      sortable: true,
    },
    {
      key: 'recoverable',
      label: L('可向债务人收回', 'Recoverable'),
      type: 'dict',
      dict: 'expenses_yes_no',
      sql: "CASE WHEN e.recoverable = 1 THEN 'yes' ELSE 'no' END",
    },
    { key: 'paidOn', label: L('支付日期', 'Paid on'), type: 'date', sql: 'e.paid_on', width: 14 },
    {
      key: 'postingState',
      label: L('记账状态', 'Posting'),
      type: 'dict',
      dict: 'expenses_posting_state',
      sql: POSTING,
    },
    {
      key: 'recoveredOn',
      label: L('收回日期', 'Recovered on'),
      type: 'date',
      sql: 'e.recovered_on',
      width: 14,
    },
    {
      key: 'source',
      label: L('来源记录', 'Source record'),
      type: 'text',
      sql: 'e.source_label',
      width: 22,
      link: { sql: 'e.source_link' },
    },
    { key: 'remark', label: L('备注', 'Remark'), type: 'text', sql: 'e.remark', visible: false },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'e.org_id' },
    {
      key: 'feeKind',
      label: L('费用类型', 'Kind'),
      type: 'eq',
      sql: 'e.fee_kind',
      dict: 'expenses_fee_kind',
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'eq',
      sql: 'e.status',
      dict: 'expenses_status',
    },
    {
      key: 'expenseDate',
      label: L('费用日期', 'Date'),
      type: 'dateRange',
      sql: 'e.expense_date',
    },
    { key: 'amount', label: L('金额', 'Amount'), type: 'moneyRange', sql: 'e.amount_fen' },
    // Expense and customer numbers as prefix; names, payee, loans and source as substring.
    {
      key: 'keyword',
      label: L('费用编号 / 客户 / 借据号 / 收款方', 'No. / customer / loan / payee'),
      type: 'keyword',
      sql: ['e.expense_no', 'c.customer_no', 'c.name', LOANS, 'e.payee', 'e.source_label'],
    },
  ],
}
