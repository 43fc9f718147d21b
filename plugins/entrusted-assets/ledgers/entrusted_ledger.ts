/*
| 受托资产台账: the assets under management on behalf of principals. Live: every
| registered asset; as of D: those registered by D and not ended before D
| (figures as registered — the contract's amounts do not move with the book).
*/
import type { LedgerDefinition } from '#core/plugins/types'

const L = (zh: string, en: string) => ({ zh, en })

export const entrustedLedger: LedgerDefinition = {
  id: 'entrusted-assets',
  name: L('受托资产台账', 'Entrusted assets ledger'),
  permission: 'entrusted-assets:ledger:list',
  exportPermission: 'entrusted-assets:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 45, icon: 'Suitcase' },
  query: ({ db, asOf }) => {
    const query = db.from('entrusted_assets as a')
    if (asOf)
      query
        .where('a.registered_on', '<=', asOf)
        .where((w) => w.whereNull('a.ended_on').orWhere('a.ended_on', '>', asOf))
    return query
  },
  lookups: [{ alias: 'og', table: 'orgs', on: 'a.org_id' }],
  rowKey: 'a.id',
  scope: { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' },
  defaultSort: { key: 'registeredOn', order: 'desc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('entrusted_assets')
        .distinct('registered_on')
        .orderBy('registered_on', 'desc')
        .limit(366)
    ).map((r: any) =>
      r.registered_on instanceof Date
        ? r.registered_on.toISOString().slice(0, 10)
        : String(r.registered_on).slice(0, 10)
    ),
  columns: [
    {
      key: 'contractNo',
      label: L('委托合同号', 'Contract no.'),
      type: 'text',
      sql: 'a.contract_no',
      width: 18,
      link: { sql: 'a.id', path: '/p/entrusted-assets/EntrustedAssets', param: 'id' },
    },
    {
      key: 'principalParty',
      label: L('委托方', 'Principal'),
      type: 'text',
      sql: 'a.principal_party',
      width: 22,
    },
    {
      key: 'assetName',
      label: L('受托资产', 'Asset'),
      type: 'text',
      sql: 'a.asset_name',
      width: 22,
    },
    {
      key: 'principal',
      label: L('委托本金', 'Principal amount'),
      type: 'money',
      sql: 'a.principal_fen',
      total: true,
      sortable: true,
    },
    { key: 'feeRate', label: L('费率（%）', 'Fee rate (%)'), type: 'text', sql: 'a.fee_rate' },
    {
      key: 'fee',
      label: L('管理费', 'Fee'),
      type: 'money',
      sql: 'a.fee_fen',
      total: true,
      sortable: true,
    },
    { key: 'periodFrom', label: L('委托起始日', 'From'), type: 'date', sql: 'a.period_from' },
    {
      key: 'periodTo',
      label: L('委托到期日', 'To'),
      type: 'date',
      sql: 'a.period_to',
      sortable: true,
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'dict',
      dict: 'entrusted_asset_status',
      sql: 'a.status',
    },
    { key: 'orgName', label: L('管理机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    {
      key: 'registeredOn',
      label: L('登记日期', 'Registered on'),
      type: 'date',
      sql: 'a.registered_on',
      sortable: true,
    },
  ],
  filters: [
    {
      key: 'keyword',
      label: L('合同号/委托方/资产', 'Contract / principal / asset'),
      type: 'keyword',
      sql: ['a.contract_no', 'a.principal_party', 'a.asset_name'],
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'a.org_id' },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'eq',
      sql: 'a.status',
      dict: 'entrusted_asset_status',
    },
    {
      key: 'periodTo',
      label: L('委托到期日', 'Period end'),
      type: 'dateRange',
      sql: 'a.period_to',
    },
  ],
}
