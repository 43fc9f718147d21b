/*
| 资产重组台账: one row per approved 重组方案 — customer, method, balance, the new
| terms, the observation period and its outcome. As of a date: plans approved on
| or before it; the status column shows the outcome as it stood then (a plan
| closed after the date is still 观察期 in that view).
*/
import type { LedgerColumn, LedgerDefinition, LedgerQueryContext } from '#core/plugins/types'
import { day } from '../plans/store.js'

const L = (zh: string, en: string) => ({ zh, en })

function query({ db, asOf }: LedgerQueryContext) {
  const q = db.from('restructuring_plans as p').whereNotNull('p.approved_on')
  if (asOf) q.where('p.approved_on', '<=', asOf)
  return q
}

const money = (key: string, zh: string, en: string, sql: string): LedgerColumn => ({
  key,
  label: L(zh, en),
  type: 'money',
  sql,
  sortable: true,
  total: true,
})

export const restructuringLedger: LedgerDefinition = {
  id: 'restructuring-plans',
  name: L('资产重组台账', 'Restructuring ledger'),
  permission: 'restructuring:ledger:list',
  exportPermission: 'restructuring:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 181, icon: 'Refresh' },
  query,
  lookups: [{ alias: 'og', table: 'orgs', on: 'p.org_id' }],
  rowKey: 'p.id',
  scope: { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' },
  defaultSort: { key: 'approvedOn', order: 'desc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('restructuring_plans')
        .whereNotNull('approved_on')
        .distinct('approved_on')
        .orderBy('approved_on', 'desc')
        .limit(400)
    ).map((r: any) => day(r.approved_on)!),
  filters: [
    {
      key: 'keyword',
      label: L('方案编号/客户', 'No. / customer'),
      type: 'keyword',
      sql: ['p.plan_no', 'p.customer_name'],
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'p.org_id' },
    {
      key: 'approvedOn',
      label: L('批准日期', 'Approved on'),
      type: 'dateRange',
      sql: 'p.approved_on',
    },
  ],
  columns: [
    {
      key: 'approvedOn',
      label: L('批准日期', 'Approved on'),
      type: 'date',
      sql: 'p.approved_on',
      sortable: true,
      width: 14,
    },
    {
      key: 'planNo',
      label: L('方案编号', 'Plan'),
      type: 'text',
      sql: 'p.plan_no',
      sortable: true,
      width: 20,
      link: { sql: 'p.id', path: '/p/restructuring/Plans', param: 'id' },
    },
    {
      key: 'customerName',
      label: L('客户', 'Customer'),
      type: 'text',
      sql: 'p.customer_name',
      sortable: true,
      width: 20,
    },
    {
      key: 'loanNos',
      label: L('借据号', 'Loans'),
      type: 'text',
      sql: '(SELECT MIN(rl.loan_no) FROM restructuring_loans rl WHERE rl.plan_id = p.id)',
      width: 18,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    {
      key: 'method',
      label: L('重组方式', 'Method'),
      type: 'dict',
      dict: 'restructuring_method',
      sql: 'p.method',
      width: 14,
    },
    money('balance', '重组余额', 'Balance', 'p.balance_fen'),
    {
      key: 'effectiveOn',
      label: L('生效日期', 'Effective'),
      type: 'date',
      sql: 'p.effective_on',
      width: 14,
    },
    {
      key: 'newMaturityDate',
      label: L('新到期日', 'New maturity'),
      type: 'date',
      sql: 'p.new_maturity_date',
      width: 14,
    },
    {
      key: 'observationEnd',
      label: L('观察期至', 'Observation to'),
      type: 'date',
      sql: 'p.observation_end',
      sortable: true,
      width: 14,
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'dict',
      dict: 'restructuring_status',
      sql: 'p.status',
      width: 10,
    },
  ],
}
