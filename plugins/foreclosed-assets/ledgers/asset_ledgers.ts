/*
| 抵债资产明细 and 闲置资产台账 through the core ledger framework (under
| 台账管理): filters, whitelisted sorting, 合计, saved views, print, xlsx export,
| and as-of dates (任意时间点): each asset's status, idle days, income and
| proceeds as they stood on the date. Data scope on the booking org and the
| assigned manager, like the pages.
*/
import type { LedgerColumn, LedgerDefinition, LedgerFilter } from '#core/plugins/types'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import {
  AS_OF_JOIN,
  DISPOSED_BY,
  IDLE_SINCE,
  LEASED_ON,
  STATUS_ON,
  daysBetween,
  sumEntries,
} from './as_of_sql.js'

const L = (zh: string, en: string) => ({ zh, en })
const LOANS = `(SELECT GROUP_CONCAT(bl.loan_no) FROM foreclosed_assets_loans x JOIN ${book.loans.table} bl ON bl.id = x.loan_id WHERE x.asset_id = a.id)`
const PROCEEDS = `COALESCE((SELECT SUM(dp.amount_fen) FROM foreclosed_assets_disposals dp WHERE dp.asset_id = a.id AND dp.kind = 'sale' AND dp.status = 'completed' AND dp.completed_on <= asof.d), 0)`
const LAST_CHECK = `(SELECT MAX(ck.checked_on) FROM foreclosed_assets_checks ck WHERE ck.asset_id = a.id AND ck.checked_on <= asof.d)`
const OPEN_ON = `NOT (${DISPOSED_BY})`

const common: LedgerColumn[] = [
  {
    key: 'assetNo',
    label: L('资产编号', 'Asset no.'),
    type: 'text',
    sql: 'a.asset_no',
    sortable: true,
    width: 16,
    link: { sql: 'a.id', path: '/p/foreclosed-assets/CustodyBasic', param: 'id' },
  },
  { key: 'name', label: L('资产名称', 'Name'), type: 'text', sql: 'a.name', width: 24 },
  {
    key: 'assetClass',
    label: L('资产分类', 'Class'),
    type: 'dict',
    dict: 'foreclosed_assets_class',
    sql: 'a.asset_class',
    sortable: true,
  },
  { key: 'customerName', label: L('原债务人', 'Debtor'), type: 'text', sql: 'c.name', width: 18 },
  { key: 'loanNos', label: L('借据号', 'Loans'), type: 'text', sql: LOANS, width: 22 },
  { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
  {
    key: 'managerName',
    label: L('管理人', 'Manager'),
    type: 'text',
    sql: 'COALESCE(mu.real_name, mu.username)',
    width: 10,
  },
  {
    key: 'acquiredOn',
    label: L('取得日期', 'Acquired on'),
    type: 'date',
    sql: 'a.acquired_on',
    sortable: true,
  },
  {
    key: 'status',
    label: L('状态', 'Status'),
    type: 'dict',
    dict: 'foreclosed_assets_status',
    sql: STATUS_ON,
  },
  {
    key: 'bookValue',
    label: L('入账价值（元）', 'Book value'),
    type: 'money',
    sql: 'a.book_value_fen',
    sortable: true,
    total: true,
  },
]

const filters: LedgerFilter[] = [
  { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'a.org_id' },
  {
    key: 'assetClass',
    label: L('资产分类', 'Class'),
    type: 'eq',
    sql: 'a.asset_class',
    dict: 'foreclosed_assets_class',
  },
  {
    key: 'acquiredOn',
    label: L('取得日期', 'Acquired on'),
    type: 'dateRange',
    sql: 'a.acquired_on',
  },
  {
    key: 'keyword',
    label: L('资产编号 / 名称', 'Asset no. / name'),
    type: 'keyword',
    sql: ['a.asset_no', 'a.name'],
  },
]

const lookups = [
  { alias: 'og', table: 'orgs', on: 'a.org_id' },
  { alias: 'cu', table: 'orgs', on: 'a.custodian_org_id' },
  { alias: 'mu', table: 'users', on: 'a.manager_id' },
  { alias: 'c', table: book.customers.table, on: 'a.customer_id' },
]

export const assetDetailLedger: LedgerDefinition = {
  id: 'foreclosed-assets',
  name: L('抵债资产明细', 'Foreclosed assets'),
  permission: 'foreclosed-assets:ledger:list',
  exportPermission: 'foreclosed-assets:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 25, icon: 'Notebook' },
  query: ({ db, asOf }) => {
    const q = db.from('foreclosed_assets as a')
    q.joinRaw(AS_OF_JOIN, [asOf as string])
    q.whereRaw('a.acquired_on <= asof.d')
    return q
  },
  lookups,
  rowKey: 'a.id',
  scope: { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' },
  defaultSort: { key: 'acquiredOn', order: 'desc' },
  // Computed from the records' own dates (as_of_sql.ts): every past date has data, so no
  // asOfDates list — one would grey out all but the acquisition days in the console.
  asOf: true,
  columns: [
    ...common,
    {
      key: 'custodianName',
      label: L('保管行', 'Custodian'),
      type: 'text',
      sql: 'cu.name',
      width: 14,
      visible: false,
    },
    {
      key: 'appraisedValue',
      label: L('评估价值（元）', 'Appraised'),
      type: 'money',
      sql: 'a.appraised_value_fen',
      total: true,
    },
    {
      key: 'disposalDeadline',
      label: L('处置期限', 'Disposal deadline'),
      type: 'date',
      sql: 'a.disposal_deadline',
      sortable: true,
    },
    {
      key: 'daysLeft',
      label: L('距处置期限（天）', 'Days to deadline'),
      type: 'number',
      sql: `CASE WHEN ${OPEN_ON} THEN ${daysBetween('asof.d', 'a.disposal_deadline')} END`,
    },
    {
      key: 'overdue',
      label: L('超期未处置', 'Overdue'),
      type: 'dict',
      dict: 'foreclosed_assets_yes_no',
      sql: `CASE WHEN ${OPEN_ON} AND a.disposal_deadline < asof.d THEN 'yes' ELSE 'no' END`,
    },
    { key: 'lastCheckedOn', label: L('最近检查', 'Last check'), type: 'date', sql: LAST_CHECK },
    {
      key: 'rentIncome',
      label: L('租金收入（元）', 'Rent income'),
      type: 'money',
      sql: sumEntries('income', 'rent'),
      total: true,
    },
    {
      key: 'otherIncome',
      label: L('保管收入合计（元）', 'Custody income'),
      type: 'money',
      sql: sumEntries('income'),
      total: true,
      visible: false,
    },
    {
      key: 'expenses',
      label: L('保管支出（元）', 'Custody expenses'),
      type: 'money',
      sql: sumEntries('expense'),
      total: true,
    },
    {
      key: 'disposedOn',
      label: L('处置日期', 'Disposed on'),
      type: 'date',
      sql: `CASE WHEN ${DISPOSED_BY} THEN a.disposed_on END`,
    },
    {
      key: 'proceeds',
      label: L('处置价款（元）', 'Proceeds'),
      type: 'money',
      sql: PROCEEDS,
      total: true,
    },
  ],
  filters: [
    ...filters,
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'eq',
      sql: STATUS_ON,
      dict: 'foreclosed_assets_status',
    },
  ],
}

export const idleLedger: LedgerDefinition = {
  id: 'foreclosed-assets-idle',
  name: L('闲置资产台账', 'Idle assets'),
  permission: 'foreclosed-assets:ledger:list',
  exportPermission: 'foreclosed-assets:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 26, icon: 'Notebook' },
  // Idle on D: acquired by D, not disposed by D, no lease running on D.
  query: ({ db, asOf }) => {
    const q = db.from('foreclosed_assets as a')
    q.joinRaw(AS_OF_JOIN, [asOf as string])
    q.whereRaw('a.acquired_on <= asof.d')
    q.whereRaw(`NOT (${DISPOSED_BY})`)
    q.whereRaw(`NOT ${LEASED_ON}`)
    return q
  },
  lookups,
  rowKey: 'a.id',
  scope: { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' },
  defaultSort: { key: 'idleDays', order: 'desc' },
  // Computed from the records' own dates (as_of_sql.ts): every past date has data, so no
  // asOfDates list — one would grey out all but the acquisition days in the console.
  asOf: true,
  columns: [
    ...common,
    { key: 'idleSince', label: L('闲置起始日', 'Idle since'), type: 'date', sql: IDLE_SINCE },
    {
      key: 'idleDays',
      label: L('闲置天数', 'Idle days'),
      type: 'number',
      sql: daysBetween(IDLE_SINCE, 'asof.d'),
      sortable: true,
    },
    {
      key: 'disposalDeadline',
      label: L('处置期限', 'Disposal deadline'),
      type: 'date',
      sql: 'a.disposal_deadline',
      sortable: true,
    },
    {
      key: 'location',
      label: L('坐落/存放地点', 'Location'),
      type: 'text',
      sql: 'a.location',
      width: 24,
    },
  ],
  filters,
}
