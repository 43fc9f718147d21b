/*
| 抵债资产收取台账: one row per 抵债资产收取 booked (抵债账务处理 done) — debtor,
| the asset, the way, 评估价, 抵债金额, 税费, 入账价值, the debt it settled and the
| claim that stays. As of a date: the receipts booked on or before it (a booked
| receipt is never changed, so that is the ledger as it stood).
*/
import type { LedgerColumn, LedgerDefinition, LedgerQueryContext } from '#core/plugins/types'
import { day } from '../receipts/store.js'

const L = (zh: string, en: string) => ({ zh, en })

const money = (key: string, zh: string, en: string, sql: string): LedgerColumn => ({
  key,
  label: L(zh, en),
  type: 'money',
  sql,
  sortable: true,
  total: true,
})

function query({ db, asOf }: LedgerQueryContext) {
  const q = db
    .from('foreclosure_receipts as r')
    .where('r.status', 'posted')
    .whereNotNull('r.posted_on')
  if (asOf) q.where('r.posted_on', '<=', asOf)
  return q
}

export const receiptLedger: LedgerDefinition = {
  id: 'foreclosure-receipts',
  name: L('抵债资产收取台账', 'Foreclosed asset receipts'),
  permission: 'foreclosure:ledger:list',
  exportPermission: 'foreclosure:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 60, icon: 'House' },
  query,
  lookups: [{ alias: 'og', table: 'orgs', on: 'r.org_id' }],
  rowKey: 'r.id',
  scope: { orgColumn: 'r.org_id', ownerColumn: 'r.created_by' },
  defaultSort: { key: 'postedOn', order: 'desc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('foreclosure_receipts')
        .where('status', 'posted')
        .distinct('posted_on')
        .orderBy('posted_on', 'desc')
        .limit(400)
    ).map((r: any) => day(r.posted_on)!),
  filters: [
    {
      key: 'keyword',
      label: L('收取编号/债务人/资产', 'No. / debtor / asset'),
      type: 'keyword',
      sql: ['r.receipt_no', 'r.customer_name', 'r.asset_name'],
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'r.org_id' },
    {
      key: 'way',
      label: L('抵债方式', 'Way'),
      type: 'eq',
      dict: 'foreclosure_way',
      sql: 'r.way',
    },
    {
      key: 'postedOn',
      label: L('入账日期', 'Booked on'),
      type: 'dateRange',
      sql: 'r.posted_on',
    },
  ],
  columns: [
    {
      key: 'postedOn',
      label: L('入账日期', 'Booked on'),
      type: 'date',
      sql: 'r.posted_on',
      sortable: true,
      width: 12,
    },
    {
      key: 'receiptNo',
      label: L('收取编号', 'Receipt'),
      type: 'text',
      sql: 'r.receipt_no',
      sortable: true,
      width: 20,
      link: { sql: 'r.id', path: '/p/foreclosure/Postings', param: 'id' },
    },
    {
      key: 'customerName',
      label: L('债务人', 'Debtor'),
      type: 'text',
      sql: 'r.customer_name',
      sortable: true,
      width: 20,
    },
    {
      key: 'loanNos',
      label: L('借据号', 'Loans'),
      type: 'text',
      sql: '(SELECT MIN(fl.loan_no) FROM foreclosure_loans fl WHERE fl.receipt_id = r.id)',
      width: 18,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    {
      key: 'way',
      label: L('抵债方式', 'Way'),
      type: 'dict',
      dict: 'foreclosure_way',
      sql: 'r.way',
      width: 12,
    },
    {
      key: 'assetClass',
      label: L('资产类别', 'Class'),
      type: 'dict',
      dict: 'foreclosure_asset_class',
      sql: 'r.asset_class',
      width: 10,
    },
    {
      key: 'assetName',
      label: L('抵债资产', 'Asset'),
      type: 'text',
      sql: 'r.asset_name',
      sortable: true,
      width: 24,
      // The asset it was booked as, on 抵债资产 › 基本信息 (the receipt keeps its id).
      link: { sql: 'r.asset_id', path: '/p/foreclosed-assets/CustodyBasic', param: 'id' },
    },
    {
      key: 'collateralRef',
      label: L('押品编号', 'Collateral'),
      type: 'text',
      sql: 'r.collateral_ref',
      width: 14,
    },
    {
      key: 'acquiredOn',
      label: L('取得日期', 'Acquired on'),
      type: 'date',
      sql: 'r.acquired_on',
      sortable: true,
      width: 12,
    },
    money('appraisedValue', '评估价', 'Appraised', 'r.appraised_fen'),
    money('agreedValue', '抵债金额', 'Agreed value', 'r.agreed_fen'),
    money('taxesAndFees', '税费', 'Taxes and fees', 'r.taxes_fen'),
    money('bookValue', '入账价值', 'Book value', 'r.book_value_fen'),
    money('owed', '所抵债务', 'Debt', 'r.owed_fen'),
    money('shortfall', '剩余债权', 'Claim kept', 'r.shortfall_fen'),
  ],
}
