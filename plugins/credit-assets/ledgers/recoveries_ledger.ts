/*
| 风险资产处置回收台账: cash recovered on risk assets, one row per repayment
| booked by the core banking system (ca_repayments) on or after the day the
| loan entered risk-asset management (earlier payments were ordinary
| repayments, the same rule as the targets plugin's 清收). The method is the one
| a clerk tagged when confirming the core banking transaction (交易流水确认,
| recovery_writer.ts); a repayment not confirmed yet shows as 现金清收.
| Write-offs, transfers and foreclosures themselves are recorded by the
| disposal plugin, which publishes its own ledger (资产处置台账).
*/
import type { LedgerDefinition } from '#core/plugins/types'

const L = (zh: string, en: string) => ({ zh, en })
const METHOD = "COALESCE(p.recovery_method, 'cash')"

export const recoveriesLedger: LedgerDefinition = {
  id: 'risk-recoveries',
  name: L('风险资产处置回收台账', 'Risk asset recovery ledger'),
  permission: 'credit-assets:recovery-ledger:list',
  exportPermission: 'credit-assets:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 2, icon: 'Money' },
  query: ({ db }) =>
    db
      .from('ca_repayments as p')
      .join('ca_risk_assets as r', 'r.loan_id', 'p.loan_id')
      .join('ca_loans as l', 'l.id', 'p.loan_id')
      .whereRaw('p.paid_on >= r.entered_on'),
  lookups: [
    { alias: 'c', table: 'ca_customers', on: 'l.customer_id' },
    { alias: 'o', table: 'orgs', on: 'l.org_id' },
  ],
  rowKey: 'p.id',
  scope: { orgColumn: 'l.org_id', ownerColumn: 'l.manager_id' },
  defaultSort: { key: 'paidOn', order: 'desc' },
  columns: [
    {
      key: 'paidOn',
      label: L('回收日期', 'Recovered on'),
      type: 'date',
      sql: 'p.paid_on',
      sortable: true,
    },
    {
      key: 'loanNo',
      label: L('借据号', 'Loan no.'),
      type: 'text',
      sql: 'l.loan_no',
      sortable: true,
      width: 20,
      link: { sql: 'p.loan_id', path: '/p/credit-assets/RiskAssets', param: 'id' },
    },
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'c.name',
      width: 24,
    },
    { key: 'orgName', label: L('经办机构', 'Org'), type: 'text', sql: 'o.name', width: 16 },
    {
      key: 'method',
      label: L('回收方式', 'Method'),
      type: 'dict',
      dict: 'credit_assets_recovery_method',
      sql: METHOD,
    },
    {
      key: 'txnNo',
      label: L('交易流水号', 'Transaction no.'),
      type: 'text',
      sql: 'p.txn_no',
      width: 22,
    },
    {
      key: 'principal',
      label: L('回收本金', 'Principal'),
      type: 'money',
      sql: 'p.principal_fen',
      total: true,
      sortable: true,
    },
    {
      key: 'interest',
      label: L('回收利息', 'Interest'),
      type: 'money',
      sql: 'p.interest_fen',
      total: true,
    },
    {
      key: 'penalty',
      label: L('回收罚息', 'Penalty'),
      type: 'money',
      sql: 'p.penalty_fen',
      total: true,
    },
    {
      key: 'recovered',
      label: L('回收合计', 'Recovered'),
      type: 'money',
      sql: '(p.principal_fen + p.interest_fen + p.penalty_fen)',
      total: true,
      sortable: true,
    },
    {
      key: 'fiveClass',
      label: L('五级分类', 'Class'),
      type: 'dict',
      dict: 'credit_assets_five_class',
      sql: 'l.five_class',
    },
    {
      key: 'balance',
      label: L('当前余额', 'Balance now'),
      type: 'money',
      sql: 'l.balance_fen',
      visible: false,
    },
    {
      key: 'enteredOn',
      label: L('移交日期', 'Entered on'),
      type: 'date',
      sql: 'r.entered_on',
      visible: false,
    },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'l.org_id' },
    { key: 'paidOn', label: L('回收日期', 'Recovered on'), type: 'dateRange', sql: 'p.paid_on' },
    {
      key: 'method',
      label: L('回收方式', 'Method'),
      type: 'eq',
      sql: METHOD,
      dict: 'credit_assets_recovery_method',
    },
    {
      key: 'keyword',
      label: L('借据号 / 客户名称', 'Loan no. / customer'),
      type: 'keyword',
      sql: ['l.loan_no', 'c.name'],
    },
  ],
}
