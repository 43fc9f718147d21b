/*
| 资产处置台账: one row per 处置预案 — customer, loans, method, figures frozen at
| application, status and dates — through the core ledger framework
| (filters, whitelisted sorting, totals, saved views, xlsx export, print).
| Data scope on the plan's org and applicant, as everywhere in the plugin.
| Live only: plans are the plugin's own records, not loan snapshots.
*/
import type { LedgerDefinition } from '#core/plugins/types'

const L = (zh: string, en: string) => ({ zh, en })
const LOANS = `(SELECT GROUP_CONCAT(x.loan_no) FROM disposal_plan_loans x WHERE x.plan_id = p.id)`
const LOAN_COUNT = `(SELECT COUNT(*) FROM disposal_plan_loans x WHERE x.plan_id = p.id)`

export const planLedger: LedgerDefinition = {
  id: 'disposal-plans',
  name: L('资产处置台账', 'Asset disposal ledger'),
  permission: 'disposal:ledger:list',
  exportPermission: 'disposal:ledger:export',
  menu: { parent: 'disposal:management', order: 90, icon: 'Notebook' },
  query: ({ db }) =>
    db
      .from('disposal_plans as p')
      .leftJoin('orgs as o', 'o.id', 'p.org_id')
      .leftJoin('users as u', 'u.id', 'p.created_by'),
  rowKey: 'p.id',
  scope: { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' },
  defaultSort: { key: 'createdAt', order: 'desc' },
  columns: [
    {
      key: 'planNo',
      label: L('预案编号', 'Plan no.'),
      type: 'text',
      sql: 'p.plan_no',
      sortable: true,
      width: 20,
    },
    {
      key: 'customerNo',
      label: L('客户号', 'Customer no.'),
      type: 'text',
      sql: 'p.customer_no',
      sortable: true,
    },
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'p.customer_name',
      sortable: true,
      width: 24,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'o.name', width: 16 },
    {
      key: 'loanNos',
      label: L('借据号', 'Loans'),
      type: 'text',
      sql: LOANS,
      width: 30,
      visible: false,
    },
    {
      key: 'loanCount',
      label: L('借据笔数', 'Loans'),
      type: 'number',
      sql: LOAN_COUNT,
      total: true,
    },
    {
      key: 'method',
      label: L('处置方式', 'Method'),
      type: 'dict',
      dict: 'disposal_method',
      sql: 'p.method',
      sortable: true,
    },
    {
      key: 'principal',
      label: L('债权本金', 'Principal'),
      type: 'money',
      sql: 'p.principal_fen',
      sortable: true,
      total: true,
    },
    {
      key: 'interest',
      label: L('欠息', 'Interest'),
      type: 'money',
      sql: 'p.interest_fen',
      total: true,
    },
    {
      key: 'expectedRecovery',
      label: L('预计回收金额', 'Expected recovery'),
      type: 'money',
      sql: 'p.expected_recovery_fen',
      sortable: true,
      total: true,
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'dict',
      dict: 'disposal_plan_status',
      sql: 'p.status',
      sortable: true,
    },
    { key: 'applicantName', label: L('申请人', 'Applicant'), type: 'text', sql: 'u.real_name' },
    {
      key: 'createdAt',
      label: L('申请时间', 'Applied at'),
      type: 'datetime',
      sql: 'p.created_at',
      sortable: true,
    },
    {
      key: 'decidedAt',
      label: L('审结时间', 'Decided at'),
      type: 'datetime',
      sql: 'p.decided_at',
      sortable: true,
    },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'p.org_id' },
    {
      key: 'method',
      label: L('处置方式', 'Method'),
      type: 'eq',
      sql: 'p.method',
      dict: 'disposal_method',
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'eq',
      sql: 'p.status',
      dict: 'disposal_plan_status',
    },
    {
      key: 'principal',
      label: L('债权本金', 'Principal'),
      type: 'moneyRange',
      sql: 'p.principal_fen',
    },
    // The date part of the timestamp (a bare date bound would drop that day's plans).
    {
      key: 'createdAt',
      label: L('申请日期', 'Applied on'),
      type: 'dateRange',
      sql: 'SUBSTR(p.created_at, 1, 10)',
    },
    {
      key: 'keyword',
      label: L('预案编号 / 客户', 'Plan no. / customer'),
      type: 'keyword',
      sql: ['p.plan_no', 'p.customer_name'],
    },
  ],
}
