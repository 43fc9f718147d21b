/*
| 资产减免台账: one row per loan of a relief plan — plan number, debtor (borrower
| or guarantor), loan, five class, buckets owed and relieved, the amount to pay
| and paid, agreement date, status. Through the core ledger framework under
| 台账管理 (filters, 合计, print, export); the data scope is the plan's.
| As-of: filter on the 协议日 range (a plan counts from its agreement date).
*/
import type { LedgerDefinition } from '#core/plugins/types'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

const L = (zh: string, en: string) => ({ zh, en })
const money = (key: string, zh: string, en: string, sql: string) => ({
  key,
  label: L(zh, en),
  type: 'money' as const,
  sql,
  sortable: true,
  total: true,
})

export const reliefLedger: LedgerDefinition = {
  id: 'relief',
  name: L('资产减免台账', 'Relief ledger'),
  permission: 'relief:plan:list',
  menu: { parent: 'credit-assets:ledgers', order: 70, icon: 'Notebook' },
  // As of a date: the plans agreed on or before it (a plan counts from its 协议日).
  asOf: true,
  query: ({ db, asOf }) => {
    const q = db.from('relief_plan_loans as pl').join('relief_plans as p', 'p.id', 'pl.plan_id')
    return asOf ? q.where('p.agreement_date', '<=', asOf) : q
  },
  lookups: [
    { alias: 'og', table: 'orgs', on: 'p.org_id' },
    { alias: 'c', table: book.customers.table, on: 'p.customer_id' },
  ],
  rowKey: 'pl.id',
  scope: { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' },
  defaultSort: { key: 'planNo', order: 'desc' },
  columns: [
    {
      key: 'planNo',
      label: L('方案编号', 'Plan no.'),
      type: 'text',
      sql: 'p.plan_no',
      sortable: true,
      width: 18,
      link: { sql: 'p.id', path: '/p/relief/PlanTracking', param: 'id' },
    },
    { key: 'customerName', label: L('借款人', 'Borrower'), type: 'text', sql: 'c.name', width: 18 },
    {
      key: 'debtorRole',
      label: L('减免对象', 'Debtor'),
      type: 'dict',
      dict: 'relief_debtor_role',
      sql: 'p.debtor_role',
    },
    {
      key: 'guarantorName',
      label: L('保证人', 'Guarantor'),
      type: 'text',
      sql: 'p.guarantor_name',
      width: 14,
    },
    {
      key: 'loanNo',
      label: L('借据号', 'Loan no.'),
      type: 'text',
      sql: 'pl.loan_no',
      sortable: true,
      width: 16,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    money('principalOwed', '本金（元）', 'Principal', 'pl.principal_owed_fen'),
    money('penaltyRelief', '减免罚息', 'Penalty relieved', 'pl.penalty_relief_fen'),
    money('compoundRelief', '减免复利', 'Compound relieved', 'pl.compound_relief_fen'),
    money('onRelief', '减免表内利息', 'On-balance relieved', 'pl.on_interest_relief_fen'),
    money('offRelief', '减免表外利息', 'Off-balance relieved', 'pl.off_interest_relief_fen'),
    money('principalRelief', '减免本金', 'Principal relieved', 'pl.principal_relief_fen'),
    money('planRelief', '方案减免合计', 'Plan relief', 'p.relief_fen'),
    money('payAmount', '应还金额', 'To pay', 'p.pay_fen'),
    money('paid', '已还金额', 'Paid', 'p.paid_fen'),
    {
      key: 'agreementDate',
      label: L('协议日', 'Agreed on'),
      type: 'date',
      sql: 'p.agreement_date',
      sortable: true,
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'dict',
      dict: 'relief_status',
      sql: 'p.status',
    },
  ],
  filters: [
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'eq',
      sql: 'p.status',
      dict: 'relief_status',
    },
    {
      key: 'agreementDate',
      label: L('协议日', 'Agreed on'),
      type: 'dateRange',
      sql: 'p.agreement_date',
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'p.org_id' },
    {
      key: 'keyword',
      label: L('方案/借据号', 'Plan / loan no.'),
      type: 'keyword',
      sql: ['p.plan_no', 'pl.loan_no'],
    },
  ],
}
