/*
| 风险客户退出台账: customers who had risk assets and whose risk assets have all
| exited management, with the date and reason of the last exit. One row per
| customer; the facts come from correlated sub-selects on ca_risk_assets
| (indexed by customer_id), so the framework's paging and count stay plain.
*/
import type { LedgerDefinition } from '#core/plugins/types'

const L = (zh: string, en: string) => ({ zh, en })
const LAST_EXIT = `(SELECT MAX(x.exited_on) FROM ca_risk_assets x WHERE x.customer_id = c.id)`
const LAST_REASON = `(SELECT x.exit_reason FROM ca_risk_assets x WHERE x.customer_id = c.id
  ORDER BY x.exited_on DESC, x.id DESC LIMIT 1)`

export const customerExitsLedger: LedgerDefinition = {
  id: 'risk-customer-exits',
  name: L('风险客户退出台账', 'Risk customer exit ledger'),
  permission: 'credit-assets:customer-exit-ledger:list',
  exportPermission: 'credit-assets:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 3, icon: 'Finished' },
  query: ({ db }) =>
    db
      .from('ca_customers as c')
      .whereExists((q) => q.from('ca_risk_assets as e').whereRaw('e.customer_id = c.id'))
      .whereNotExists((q) =>
        q.from('ca_risk_assets as m').whereRaw('m.customer_id = c.id').whereNull('m.exited_on')
      ),
  lookups: [
    { alias: 'o', table: 'orgs', on: 'c.org_id' },
    { alias: 'u', table: 'users', on: 'c.manager_id' },
  ],
  rowKey: 'c.id',
  scope: { orgColumn: 'c.org_id', ownerColumn: 'c.manager_id' },
  defaultSort: { key: 'exitedOn', order: 'desc' },
  columns: [
    {
      key: 'customerNo',
      label: L('客户号', 'Customer no.'),
      type: 'text',
      sql: 'c.customer_no',
      sortable: true,
    },
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'c.name',
      sortable: true,
      width: 24,
    },
    {
      key: 'customerType',
      label: L('客户类型', 'Customer type'),
      type: 'dict',
      dict: 'credit_assets_customer_type',
      sql: 'c.customer_type',
    },
    { key: 'orgName', label: L('管户机构', 'Org'), type: 'text', sql: 'o.name', width: 16 },
    { key: 'managerName', label: L('管户人', 'Manager'), type: 'text', sql: 'u.real_name' },
    {
      key: 'assetCount',
      label: L('风险资产笔数', 'Risk assets'),
      type: 'number',
      sql: '(SELECT COUNT(*) FROM ca_risk_assets x WHERE x.customer_id = c.id)',
      total: true,
    },
    {
      key: 'enteredOn',
      label: L('首次移交日期', 'First entered'),
      type: 'date',
      sql: '(SELECT MIN(x.entered_on) FROM ca_risk_assets x WHERE x.customer_id = c.id)',
    },
    {
      key: 'exitedOn',
      label: L('退出日期', 'Exited on'),
      type: 'date',
      sql: LAST_EXIT,
      sortable: true,
    },
    {
      key: 'exitReason',
      label: L('退出原因', 'Exit reason'),
      type: 'text',
      sql: LAST_REASON,
      width: 30,
    },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'c.org_id' },
    { key: 'exitedOn', label: L('退出日期', 'Exited on'), type: 'dateRange', sql: LAST_EXIT },
    {
      key: 'customerType',
      label: L('客户类型', 'Customer type'),
      type: 'eq',
      sql: 'c.customer_type',
      dict: 'credit_assets_customer_type',
    },
    {
      key: 'keyword',
      label: L('客户号 / 客户名称', 'Customer no. / name'),
      type: 'keyword',
      sql: ['c.customer_no', 'c.name'],
    },
  ],
}
