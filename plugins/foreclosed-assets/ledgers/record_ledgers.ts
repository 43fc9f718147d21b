/*
| The export of 定期检查 results and of 收入登记 (保管收支): two ledgers under
| the 抵债资产 menu, so the pages' 导出 and 打印 are the core's (queued xlsx,
| print view, saved views). Scoped through the asset's booking org and manager.
*/
import type { LedgerDefinition } from '#core/plugins/types'

const L = (zh: string, en: string) => ({ zh, en })
const assetLink = { sql: 'a.id', path: '/p/foreclosed-assets/CustodyBasic', param: 'id' }
const lookups = [
  { alias: 'og', table: 'orgs', on: 'a.org_id' },
  { alias: 'u', table: 'users', on: 'x.created_by' },
]

export const checkLedger: LedgerDefinition = {
  id: 'foreclosed-asset-checks',
  name: L('抵债资产检查记录', 'Foreclosed asset checks'),
  permission: 'foreclosed-assets:check:list',
  menu: { parent: 'foreclosed-assets:root', order: 60, icon: 'Notebook' },
  query: ({ db }) =>
    db.from('foreclosed_assets_checks as ck').join('foreclosed_assets as a', 'a.id', 'ck.asset_id'),
  lookups: [
    { alias: 'og', table: 'orgs', on: 'a.org_id' },
    { alias: 'u', table: 'users', on: 'ck.checker_id' },
  ],
  rowKey: 'ck.id',
  scope: { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' },
  defaultSort: { key: 'checkedOn', order: 'desc' },
  columns: [
    {
      key: 'checkedOn',
      label: L('检查日期', 'Checked on'),
      type: 'date',
      sql: 'ck.checked_on',
      sortable: true,
    },
    {
      key: 'assetNo',
      label: L('资产编号', 'Asset no.'),
      type: 'text',
      sql: 'a.asset_no',
      width: 16,
      link: assetLink,
    },
    { key: 'assetName', label: L('资产名称', 'Asset'), type: 'text', sql: 'a.name', width: 24 },
    {
      key: 'assetClass',
      label: L('资产分类', 'Class'),
      type: 'dict',
      dict: 'foreclosed_assets_class',
      sql: 'a.asset_class',
    },
    {
      key: 'condition',
      label: L('资产状况', 'Condition'),
      type: 'dict',
      dict: 'foreclosed_assets_condition',
      sql: 'ck.condition',
    },
    {
      key: 'occupancy',
      label: L('占用情况', 'Occupancy'),
      type: 'dict',
      dict: 'foreclosed_assets_occupancy',
      sql: 'ck.occupancy',
    },
    {
      key: 'damage',
      label: L('损毁情况', 'Damage'),
      type: 'dict',
      dict: 'foreclosed_assets_damage',
      sql: 'ck.damage',
    },
    {
      key: 'valueBefore',
      label: L('检查前价值（元）', 'Value before'),
      type: 'money',
      sql: 'ck.value_before_fen',
    },
    {
      key: 'valueFound',
      label: L('检查估值（元）', 'Value found'),
      type: 'money',
      sql: 'ck.value_found_fen',
    },
    {
      key: 'photos',
      label: L('照片数', 'Photos'),
      type: 'number',
      sql: '(SELECT COUNT(*) FROM foreclosed_assets_photos p WHERE p.check_id = ck.id)',
    },
    {
      key: 'findings',
      label: L('检查发现', 'Findings'),
      type: 'text',
      sql: 'ck.findings',
      width: 30,
    },
    { key: 'nextDue', label: L('下次检查', 'Next due'), type: 'date', sql: 'ck.next_due' },
    {
      key: 'checker',
      label: L('检查人', 'Checker'),
      type: 'text',
      sql: 'COALESCE(u.real_name, u.username)',
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'a.org_id' },
    {
      key: 'checkedOn',
      label: L('检查日期', 'Checked on'),
      type: 'dateRange',
      sql: 'ck.checked_on',
    },
    {
      key: 'condition',
      label: L('资产状况', 'Condition'),
      type: 'eq',
      sql: 'ck.condition',
      dict: 'foreclosed_assets_condition',
    },
    {
      key: 'keyword',
      label: L('资产编号 / 名称', 'Asset no. / name'),
      type: 'keyword',
      sql: ['a.asset_no', 'a.name'],
    },
  ],
}

export const entryLedger: LedgerDefinition = {
  id: 'foreclosed-asset-entries',
  name: L('抵债资产收支登记', 'Foreclosed asset income and expenses'),
  permission: 'foreclosed-assets:entry:list',
  menu: { parent: 'foreclosed-assets:root', order: 70, icon: 'Notebook' },
  query: ({ db }) =>
    db.from('foreclosed_assets_entries as x').join('foreclosed_assets as a', 'a.id', 'x.asset_id'),
  lookups,
  rowKey: 'x.id',
  scope: { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' },
  defaultSort: { key: 'entryDate', order: 'desc' },
  columns: [
    {
      key: 'entryDate',
      label: L('发生日期', 'Date'),
      type: 'date',
      sql: 'x.entry_date',
      sortable: true,
    },
    {
      key: 'assetNo',
      label: L('资产编号', 'Asset no.'),
      type: 'text',
      sql: 'a.asset_no',
      width: 16,
      link: assetLink,
    },
    { key: 'assetName', label: L('资产名称', 'Asset'), type: 'text', sql: 'a.name', width: 24 },
    {
      key: 'direction',
      label: L('收支方向', 'Direction'),
      type: 'dict',
      dict: 'foreclosed_assets_direction',
      sql: 'x.direction',
    },
    {
      key: 'kind',
      label: L('类型', 'Kind'),
      type: 'dict',
      dict: 'foreclosed_assets_entry_kind',
      sql: 'x.kind',
    },
    {
      key: 'income',
      label: L('收入（元）', 'Income'),
      type: 'money',
      sql: "CASE WHEN x.direction = 'income' THEN x.amount_fen ELSE 0 END",
      total: true,
    },
    {
      key: 'expense',
      label: L('支出（元）', 'Expense'),
      type: 'money',
      sql: "CASE WHEN x.direction = 'expense' THEN x.amount_fen ELSE 0 END",
      total: true,
    },
    { key: 'remark', label: L('备注', 'Remark'), type: 'text', sql: 'x.remark', width: 24 },
    {
      key: 'by',
      label: L('登记人', 'Registered by'),
      type: 'text',
      sql: 'COALESCE(u.real_name, u.username)',
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'a.org_id' },
    { key: 'entryDate', label: L('发生日期', 'Date'), type: 'dateRange', sql: 'x.entry_date' },
    {
      key: 'direction',
      label: L('收支方向', 'Direction'),
      type: 'eq',
      sql: 'x.direction',
      dict: 'foreclosed_assets_direction',
    },
    {
      key: 'kind',
      label: L('类型', 'Kind'),
      type: 'eq',
      sql: 'x.kind',
      dict: 'foreclosed_assets_entry_kind',
    },
    {
      key: 'keyword',
      label: L('资产编号 / 名称', 'Asset no. / name'),
      type: 'keyword',
      sql: ['a.asset_no', 'a.name'],
    },
  ],
}
