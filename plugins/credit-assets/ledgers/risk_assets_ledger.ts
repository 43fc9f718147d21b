/*
| 风险资产台账: every loan under risk-asset management with its balances and
| classification. As of a past date it reads that day's ca_loan_snapshots row
| (state columns have the ca_loans names, so `l` is the snapshot there) and
| takes the static facts (loan number, amount, dates) from ca_loans as `ln`.
*/
import type { LedgerDefinition, LedgerColumn } from '#core/plugins/types'
import { snapshotDates } from '../snapshots/loan_snapshot.js'
import { bookTotalsSource } from '../snapshots/book_totals.js'

const L = (zh: string, en: string) => ({ zh, en })

/** A state column: same expression live and as of a date (same column names). */
const state = (
  key: string,
  column: string,
  label: [string, string],
  type: LedgerColumn['type'],
  extra: Partial<LedgerColumn> = {}
): LedgerColumn => ({ key, label: L(...label), type, sql: `l.${column}`, ...extra })

/** A static column: on ca_loans, which is `ln` when reading a snapshot. */
const fixed = (
  key: string,
  column: string,
  label: [string, string],
  type: LedgerColumn['type'],
  extra: Partial<LedgerColumn> = {}
): LedgerColumn => ({
  key,
  label: L(...label),
  type,
  sql: `l.${column}`,
  asOfSql: `ln.${column}`,
  ...extra,
})

export const riskAssetsLedger: LedgerDefinition = {
  id: 'risk-assets',
  name: L('风险资产台账', 'Risk asset ledger'),
  permission: 'credit-assets:risk-asset-ledger:list',
  exportPermission: 'credit-assets:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 1, icon: 'Tickets' },
  asOf: true,
  asOfDates: ({ db }) => snapshotDates(db),
  query: ({ db, asOf }) =>
    asOf
      ? db
          .from('ca_loan_snapshots as l')
          .join('ca_loans as ln', 'ln.id', 'l.loan_id')
          .join('ca_risk_assets as r', 'r.loan_id', 'l.loan_id')
          .where('l.snapshot_date', asOf)
          .whereNotNull('l.risk_status')
      : db.from('ca_risk_assets as r').join('ca_loans as l', 'l.id', 'r.loan_id'),
  lookups: [
    { alias: 'c', table: 'ca_customers', on: 'l.customer_id' },
    { alias: 'o', table: 'orgs', on: 'l.org_id' },
    { alias: 'u', table: 'users', on: 'l.manager_id' },
  ],
  rowKey: 'r.id',
  // Live: the risk asset's copies of the loan's org and manager (kept equal by handover and
  // the daily sync), which its (org_id | manager_id, entered_on) indexes serve for the
  // default page; as of a date: the snapshot's.
  scope: { orgColumn: 'r.org_id', ownerColumn: 'r.manager_id' },
  asOfScope: { orgColumn: 'l.org_id', ownerColumn: 'l.manager_id' },
  // Count and 合计 from the snapshot step's groups (snapshots/book_totals.ts).
  aggregate: {
    source: ({ db, asOf }) => bookTotalsSource(db, asOf),
    count: 'loans',
    sums: {
      amount: 'amount_fen',
      balance: 'balance_fen',
      overduePrincipal: 'overdue_principal_fen',
      overdueInterest: 'overdue_interest_fen',
      penaltyInterest: 'penalty_interest_fen',
      compoundInterest: 'compound_interest_fen',
      onBalanceInterest: 'on_balance_interest_fen',
      offBalanceInterest: 'off_balance_interest_fen',
    },
    filters: {
      orgId: 'org_id',
      fiveClass: 'five_class',
      product: 'product',
      riskStatus: 'risk_status',
    },
    scope: { orgColumn: 'org_id', ownerColumn: 'manager_id' },
  },
  defaultSort: { key: 'enteredOn', order: 'desc' },
  columns: [
    // The loan number opens the loan's drawer on 风险资产 (every link lands on its record).
    fixed('loanNo', 'loan_no', ['借据号', 'Loan no.'], 'text', {
      sortable: true,
      width: 20,
      link: { sql: 'r.loan_id', path: '/p/credit-assets/RiskAssets', param: 'id' },
    }),
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'c.name',
      width: 24,
    },
    {
      key: 'customerType',
      label: L('客户类型', 'Customer type'),
      type: 'dict',
      dict: 'credit_assets_customer_type',
      sql: 'c.customer_type',
      visible: false,
    },
    { key: 'orgName', label: L('经办机构', 'Org'), type: 'text', sql: 'o.name', width: 16 },
    {
      key: 'managerName',
      label: L('管户人', 'Manager'),
      type: 'text',
      sql: 'u.real_name',
      width: 14,
    },
    state('product', 'product', ['贷款产品', 'Product'], 'dict', {
      dict: 'credit_assets_loan_product',
      width: 15,
    }),
    state('fiveClass', 'five_class', ['五级分类', 'Class'], 'dict', {
      dict: 'credit_assets_five_class',
      sortable: true,
    }),
    {
      key: 'riskStatus',
      label: L('风险资产状态', 'Risk status'),
      type: 'dict',
      dict: 'credit_assets_risk_asset_status',
      sql: 'r.status',
      asOfSql: 'l.risk_status',
    },
    fixed('amount', 'amount_fen', ['贷款金额', 'Amount'], 'money', { total: true, sortable: true }),
    state('balance', 'balance_fen', ['贷款余额', 'Balance'], 'money', {
      total: true,
      sortable: true,
    }),
    state('overdueDays', 'overdue_days', ['逾期天数', 'Days overdue'], 'number', {
      sortable: true,
    }),
    state('overduePrincipal', 'overdue_principal_fen', ['逾期本金', 'Overdue principal'], 'money', {
      total: true,
    }),
    state('overdueInterest', 'overdue_interest_fen', ['逾期利息', 'Overdue interest'], 'money', {
      total: true,
    }),
    state('penaltyInterest', 'penalty_interest_fen', ['罚息', 'Penalty interest'], 'money', {
      total: true,
      visible: false,
    }),
    state('compoundInterest', 'compound_interest_fen', ['复利', 'Compound interest'], 'money', {
      total: true,
      visible: false,
    }),
    state(
      'onBalanceInterest',
      'on_balance_interest_fen',
      ['表内欠息', 'On-balance interest'],
      'money',
      {
        total: true,
        visible: false,
      }
    ),
    state(
      'offBalanceInterest',
      'off_balance_interest_fen',
      ['表外欠息', 'Off-balance interest'],
      'money',
      { total: true, visible: false }
    ),
    fixed('startDate', 'start_date', ['发放日', 'Start date'], 'date', { visible: false }),
    fixed('maturityDate', 'maturity_date', ['到期日', 'Maturity'], 'date', { sortable: true }),
    {
      // 重组贷款: the date an approved restructuring changed its terms (as of a date: only if by then).
      key: 'restructuredOn',
      label: L('重组日期', 'Restructured on'),
      type: 'date',
      sql: 'l.restructured_on',
      asOfSql: 'CASE WHEN ln.restructured_on <= l.snapshot_date THEN ln.restructured_on END',
      sortable: true,
    },
    {
      key: 'enteredOn',
      label: L('移交日期', 'Entered on'),
      type: 'date',
      sql: 'r.entered_on',
      sortable: true,
    },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'r.org_id', asOfSql: 'l.org_id' },
    {
      key: 'fiveClass',
      label: L('五级分类', 'Class'),
      type: 'eq',
      sql: 'l.five_class',
      dict: 'credit_assets_five_class',
    },
    {
      key: 'product',
      label: L('贷款产品', 'Product'),
      type: 'eq',
      sql: 'l.product',
      dict: 'credit_assets_loan_product',
    },
    {
      key: 'riskStatus',
      label: L('风险资产状态', 'Risk status'),
      type: 'eq',
      sql: 'r.status',
      asOfSql: 'l.risk_status',
      dict: 'credit_assets_risk_asset_status',
    },
    {
      key: 'overdueDays',
      label: L('逾期天数', 'Days overdue'),
      type: 'numberRange',
      sql: 'l.overdue_days',
    },
    {
      key: 'balance',
      label: L('贷款余额（元）', 'Balance (yuan)'),
      type: 'moneyRange',
      sql: 'l.balance_fen',
    },
    {
      key: 'enteredOn',
      label: L('移交日期', 'Entered on'),
      type: 'dateRange',
      sql: 'r.entered_on',
    },
    {
      key: 'keyword',
      label: L('借据号 / 客户名称', 'Loan no. / customer'),
      type: 'keyword',
      sql: ['l.loan_no', 'c.name'],
      asOfSql: ['ln.loan_no', 'c.name'],
    },
  ],
}
