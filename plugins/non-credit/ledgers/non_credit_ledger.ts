/*
| 非信贷风险资产台账: live, every asset with its figures of the last feed; as of a
| date D, the assets 数据中台 reported on D with D's figures and class (the
| snapshot rows the feed wrote that day). 合计 summed in fen by the database.
*/
import { dateText } from '#core/holidays/calendar_date'
import type { LedgerColumn, LedgerDefinition } from '#core/plugins/types'

const L = (zh: string, en: string) => ({ zh, en })
const money = (key: string, zh: string, en: string, column: string): LedgerColumn => ({
  key,
  label: L(zh, en),
  type: 'money',
  sql: `a.${column}`,
  asOfSql: `d.${column}`,
  total: true,
  sortable: true,
})

export const nonCreditLedger: LedgerDefinition = {
  id: 'non-credit',
  name: L('非信贷风险资产台账', 'Non-credit risk asset ledger'),
  permission: 'non-credit:ledger:list',
  exportPermission: 'non-credit:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 48, icon: 'Coin' },
  query: ({ db, asOf }) => {
    const query = db.from('non_credit_assets as a')
    if (asOf)
      query.join('non_credit_asset_days as d', (j) =>
        j.on('d.asset_id', '=', 'a.id').andOnVal('d.business_date', '=', asOf)
      )
    return query
  },
  lookups: [
    { alias: 'og', table: 'orgs', on: 'a.org_id', asOfOn: 'd.org_id' },
    { alias: 'mu', table: 'users', on: 'a.manager_id', asOfOn: 'd.manager_id' },
  ],
  rowKey: 'a.id',
  scope: { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' },
  defaultSort: { key: 'assetNo', order: 'asc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('non_credit_asset_days')
        .distinct('business_date')
        .orderBy('business_date', 'desc')
        .limit(366)
    ).map((r: any) => dateText(r.business_date)),
  columns: [
    {
      key: 'assetNo',
      label: L('资产编号', 'Asset no.'),
      type: 'text',
      sql: 'a.asset_no',
      width: 12,
      sortable: true,
      link: { sql: 'a.id', path: '/p/non-credit/NonCreditAssets', param: 'id' },
    },
    {
      key: 'assetType',
      label: L('资产类别', 'Type'),
      type: 'dict',
      dict: 'non_credit_asset_type',
      sql: 'a.asset_type',
    },
    {
      key: 'subType',
      label: L('品种', 'Kind'),
      type: 'dict',
      dict: 'non_credit_sub_type',
      sql: 'a.sub_type',
    },
    {
      key: 'assetName',
      label: L('资产名称', 'Asset'),
      type: 'text',
      sql: 'a.asset_name',
      width: 24,
    },
    {
      key: 'counterparty',
      label: L('交易对手', 'Counterparty'),
      type: 'text',
      sql: 'a.counterparty',
      width: 20,
    },
    money('principal', '本金', 'Principal', 'principal_fen'),
    money('bookValue', '账面价值', 'Book value', 'book_value_fen'),
    money('accruedInterest', '应计利息', 'Accrued interest', 'accrued_interest_fen'),
    money('provision', '减值准备', 'Impairment provision', 'provision_fen'),
    {
      key: 'fiveClass',
      label: L('五级分类', 'Class'),
      type: 'dict',
      dict: 'credit_assets_five_class',
      sql: 'a.five_class',
      asOfSql: 'd.five_class',
    },
    {
      key: 'overdueDays',
      label: L('逾期天数', 'Days overdue'),
      type: 'number',
      sql: 'a.overdue_days',
      asOfSql: 'd.overdue_days',
      sortable: true,
    },
    { key: 'maturityDate', label: L('到期日', 'Maturity'), type: 'date', sql: 'a.maturity_date' },
    { key: 'orgName', label: L('管理机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    { key: 'managerName', label: L('管户人', 'Manager'), type: 'text', sql: 'mu.real_name' },
  ],
  filters: [
    {
      key: 'keyword',
      label: L('编号/名称/交易对手', 'No. / name / counterparty'),
      type: 'keyword',
      sql: ['a.asset_no', 'a.asset_name', 'a.counterparty'],
    },
    {
      key: 'assetType',
      label: L('资产类别', 'Type'),
      type: 'eq',
      sql: 'a.asset_type',
      dict: 'non_credit_asset_type',
    },
    {
      key: 'fiveClass',
      label: L('五级分类', 'Class'),
      type: 'eq',
      sql: 'a.five_class',
      asOfSql: 'd.five_class',
      dict: 'credit_assets_five_class',
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'a.org_id', asOfSql: 'd.org_id' },
    {
      key: 'overdueDays',
      label: L('逾期天数', 'Days overdue'),
      type: 'numberRange',
      sql: 'a.overdue_days',
      asOfSql: 'd.overdue_days',
    },
  ],
}
