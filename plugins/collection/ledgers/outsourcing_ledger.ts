/*
| 委外清收台账: one row per recovery attributed to an agency (委外清收), with
| the assignment, the period, the commission and whether it was paid. Under
| credit-assets' 台账管理; the core gives paging, 合计, export and print.
*/
import type { LedgerDefinition } from '#core/plugins/types'

const L = (zh: string, en: string) => ({ zh, en })

export const outsourcingLedger: LedgerDefinition = {
  id: 'collection-outsourcing',
  name: L('委外清收台账', 'Outsourced collection ledger'),
  permission: 'collection:ledger:list',
  exportPermission: 'collection:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 40, icon: 'Briefcase' },
  query: ({ db }) =>
    db
      .from('collection_commissions as c')
      .join('collection_assignments as s', 's.id', 'c.assignment_id')
      .join('collection_agencies as a', 'a.id', 'c.agency_id'),
  lookups: [{ alias: 'o', table: 'orgs', on: 'c.org_id' }],
  rowKey: 'c.id',
  scope: { orgColumn: 'c.org_id', ownerColumn: 'c.manager_id' },
  defaultSort: { key: 'postedOn', order: 'desc' },
  columns: [
    {
      key: 'postedOn',
      label: L('回收日期', 'Recovered on'),
      type: 'date',
      sql: 'c.posted_on',
      sortable: true,
    },
    { key: 'agencyName', label: L('委外机构', 'Agency'), type: 'text', sql: 'a.name', width: 22 },
    {
      key: 'assignmentNo',
      label: L('委托编号', 'Assignment'),
      type: 'text',
      sql: 's.assignment_no',
      width: 18,
    },
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 's.customer_name',
      width: 22,
    },
    {
      key: 'periodFrom',
      label: L('委托起始日', 'Period from'),
      type: 'date',
      sql: 's.period_from',
    },
    { key: 'periodTo', label: L('委托到期日', 'Period to'), type: 'date', sql: 's.period_to' },
    {
      key: 'txnNo',
      label: L('交易流水号', 'Transaction no.'),
      type: 'text',
      sql: 'c.txn_no',
      width: 20,
    },
    {
      key: 'recovered',
      label: L('回收金额', 'Recovered'),
      type: 'money',
      sql: 'c.recovered_fen',
      total: true,
      sortable: true,
    },
    { key: 'rate', label: L('佣金比例（%）', 'Rate (%)'), type: 'text', sql: 'c.commission_rate' },
    {
      key: 'commission',
      label: L('佣金', 'Commission'),
      type: 'money',
      sql: 'c.commission_fen',
      total: true,
    },
    {
      key: 'status',
      label: L('佣金状态', 'Commission'),
      type: 'dict',
      dict: 'collection_commission_status',
      sql: 'c.status',
    },
    { key: 'orgName', label: L('经办机构', 'Org'), type: 'text', sql: 'o.name', width: 14 },
  ],
  filters: [
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'c.org_id' },
    {
      key: 'postedOn',
      label: L('回收日期', 'Recovered on'),
      type: 'dateRange',
      sql: 'c.posted_on',
    },
    {
      key: 'status',
      label: L('佣金状态', 'Commission'),
      type: 'eq',
      sql: 'c.status',
      dict: 'collection_commission_status',
    },
    {
      key: 'keyword',
      label: L('机构 / 客户 / 委托编号', 'Agency / customer / assignment'),
      type: 'keyword',
      sql: ['a.name', 's.customer_name', 's.assignment_no'],
    },
  ],
}
