/*
| 资产处置台账: one row per disposal outcome (disposal_outcomes) — the customer
| and loans, method, completion and recording dates, cash / non-cash recovered,
| written off, relieved, loss, fees and 压降, the linked 处置预案 and the source
| record (each a link to its page), reversals beside what they reverse.
| Through the core ledger framework: filters, whitelisted sorting, 合计, saved
| views, print and xlsx export. Data scope on the loans' org and manager.
| As of a date: the outcomes recorded (business date) on or before it, and
| only the reversals known by then — outcomes are append-only, so that is
| exactly the ledger as it stood that evening.
| The plans keep their own list (处置预案查询).
*/
import type { LedgerColumn, LedgerDefinition } from '#core/plugins/types'
import { AMOUNTS } from '../outcomes/outcome_read.js'

const L = (zh: string, en: string) => ({ zh, en })
const LOANS = `(SELECT GROUP_CONCAT(x.loan_no) FROM disposal_outcome_loans x WHERE x.outcome_id = o.id)`

const AMOUNT_LABELS: Record<string, [string, string]> = {
  cashRecovered: ['现金回收', 'Cash recovered'],
  nonCashRecovered: ['非现金回收', 'Non-cash recovered'],
  writtenOff: ['核销金额', 'Written off'],
  relieved: ['减免金额', 'Relieved'],
  loss: ['损失金额', 'Loss'],
  fees: ['处置费用', 'Fees'],
}

const amountColumns: LedgerColumn[] = [
  ...AMOUNTS.map((a) => ({
    key: a.key,
    label: L(...AMOUNT_LABELS[a.key]),
    type: 'money' as const,
    sql: `o.${a.column}`,
    sortable: a.key === 'cashRecovered',
    total: true,
  })),
  {
    key: 'balanceReduced',
    label: L('压降金额', 'Balance reduced'),
    type: 'money',
    sql: 'o.balance_reduced_fen',
    sortable: true,
    total: true,
  },
]

export const outcomeLedger: LedgerDefinition = {
  id: 'disposal-outcomes',
  name: L('资产处置台账', 'Asset disposal ledger'),
  permission: 'disposal:ledger:list',
  exportPermission: 'disposal:ledger:export',
  menu: { parent: 'disposal:management', order: 90, icon: 'Notebook' },
  query: ({ db, asOf }) => {
    const query = db.from('disposal_outcomes as o')
    // The reversal of each row, if one was recorded (by the as-of date).
    query.joinRaw(
      `LEFT JOIN (SELECT reverses_id, id AS reversal_id FROM disposal_outcomes WHERE reverses_id IS NOT NULL${asOf ? ' AND recorded_on <= ?' : ''}) rv ON rv.reverses_id = o.id`,
      asOf ? [asOf] : []
    )
    if (asOf) query.where('o.recorded_on', '<=', asOf)
    return query
  },
  lookups: [
    { alias: 'og', table: 'orgs', on: 'o.org_id' },
    { alias: 'pl', table: 'disposal_plans', on: 'o.plan_id' },
  ],
  rowKey: 'o.id',
  scope: { orgColumn: 'o.org_id', ownerColumn: 'o.manager_id' },
  defaultSort: { key: 'completedOn', order: 'desc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('disposal_outcomes')
        .distinct('recorded_on')
        .orderBy('recorded_on', 'desc')
        .limit(400)
    ).map((r: any) => String(r.recorded_on).slice(0, 10)),
  columns: [
    { key: 'id', label: L('记录号', 'No.'), type: 'number', sql: 'o.id', sortable: true },
    {
      key: 'completedOn',
      label: L('处置日期', 'Completed on'),
      type: 'date',
      sql: 'o.completed_on',
      sortable: true,
      width: 14,
    },
    {
      key: 'customerNo',
      label: L('客户号', 'Customer no.'),
      type: 'text',
      sql: 'o.customer_no',
      sortable: true,
      width: 16,
    },
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'o.customer_name',
      sortable: true,
      width: 22,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    { key: 'loanNos', label: L('借据号', 'Loans'), type: 'text', sql: LOANS, width: 24 },
    {
      key: 'method',
      label: L('处置方式', 'Method'),
      type: 'dict',
      dict: 'disposal_method',
      sql: 'o.method',
      sortable: true,
    },
    ...amountColumns,
    {
      key: 'planNo',
      label: L('处置预案', 'Plan'),
      type: 'text',
      sql: 'pl.plan_no',
      width: 20,
      link: { sql: 'o.plan_id', path: '/p/disposal/PlanQuery', param: 'id' },
    },
    {
      key: 'sourcePlugin',
      label: L('来源', 'Source'),
      type: 'text',
      sql: 'o.source_plugin',
      visible: false,
    },
    {
      key: 'sourceRef',
      label: L('来源记录', 'Source record'),
      type: 'text',
      sql: 'o.source_ref',
      width: 18,
      link: { sql: 'o.source_link' },
    },
    {
      key: 'reversesId',
      label: L('冲正记录号', 'Reverses no.'),
      type: 'number',
      sql: 'o.reverses_id',
    },
    {
      key: 'reversedById',
      label: L('被冲正（记录号）', 'Reversed by'),
      type: 'number',
      sql: 'rv.reversal_id',
    },
    {
      key: 'recordedOn',
      label: L('登记日期', 'Recorded on'),
      type: 'date',
      sql: 'o.recorded_on',
      sortable: true,
      width: 14,
    },
    { key: 'remark', label: L('备注', 'Remark'), type: 'text', sql: 'o.remark', visible: false },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'o.org_id' },
    {
      key: 'method',
      label: L('处置方式', 'Method'),
      type: 'eq',
      sql: 'o.method',
      dict: 'disposal_method',
    },
    {
      key: 'completedOn',
      label: L('处置日期', 'Completed on'),
      type: 'dateRange',
      sql: 'o.completed_on',
    },
    {
      key: 'cashRecovered',
      label: L('现金回收', 'Cash recovered'),
      type: 'moneyRange',
      sql: 'o.cash_recovered_fen',
    },
    // Customer no. as prefix; name, loan nos and plan no. as substring.
    {
      key: 'keyword',
      label: L('客户 / 借据号 / 预案编号', 'Customer / loan no. / plan no.'),
      type: 'keyword',
      sql: ['o.customer_no', 'o.customer_name', LOANS, 'pl.plan_no'],
    },
  ],
}
