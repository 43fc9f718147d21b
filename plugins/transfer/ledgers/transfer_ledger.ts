/*
| 非批量转让台账: one row per completed 债权转让 (结果登记 done) — debtor, loans,
| transferee, method, 账面价值, 评估价值, 成交价, 转让损失, the contract and the
| transfer date. As of a date: the transfers whose transfer date is on or before
| it (a completed transfer is never changed, so that is the ledger as it stood).
*/
import type { LedgerColumn, LedgerDefinition, LedgerQueryContext } from '#core/plugins/types'
import { day } from '../transfers/store.js'

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
    .from('transfer_applications as a')
    .where('a.status', 'completed')
    .whereNotNull('a.transfer_date')
  if (asOf) q.where('a.transfer_date', '<=', asOf)
  return q
}

export const transferLedger: LedgerDefinition = {
  id: 'transfer-single',
  name: L('非批量转让台账', 'Single claim transfer ledger'),
  permission: 'transfer:ledger:list',
  exportPermission: 'transfer:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 180, icon: 'Switch' },
  query,
  lookups: [{ alias: 'og', table: 'orgs', on: 'a.org_id' }],
  rowKey: 'a.id',
  scope: { orgColumn: 'a.org_id', ownerColumn: 'a.created_by' },
  defaultSort: { key: 'transferDate', order: 'desc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('transfer_applications')
        .where('status', 'completed')
        .distinct('transfer_date')
        .orderBy('transfer_date', 'desc')
        .limit(400)
    ).map((r: any) => day(r.transfer_date)!),
  filters: [
    {
      key: 'keyword',
      label: L('申请编号/债务人/受让人', 'No. / debtor / transferee'),
      type: 'keyword',
      sql: ['a.app_no', 'a.customer_name', 'a.transferee'],
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'a.org_id' },
    {
      key: 'transferDate',
      label: L('转让日期', 'Transfer date'),
      type: 'dateRange',
      sql: 'a.transfer_date',
    },
  ],
  columns: [
    {
      key: 'transferDate',
      label: L('转让日期', 'Transfer date'),
      type: 'date',
      sql: 'a.transfer_date',
      sortable: true,
      width: 14,
    },
    {
      key: 'appNo',
      label: L('申请编号', 'Application'),
      type: 'text',
      sql: 'a.app_no',
      sortable: true,
      width: 20,
      link: { sql: 'a.id', path: '/p/transfer/Results', param: 'id' },
    },
    {
      key: 'customerName',
      label: L('债务人', 'Debtor'),
      type: 'text',
      sql: 'a.customer_name',
      sortable: true,
      width: 20,
    },
    {
      key: 'loanNos',
      label: L('借据号', 'Loans'),
      type: 'text',
      sql: '(SELECT MIN(tl.loan_no) FROM transfer_loans tl WHERE tl.app_id = a.id)',
      width: 18,
    },
    {
      key: 'loanCount',
      label: L('笔数', 'Loans'),
      type: 'number',
      sql: '(SELECT COUNT(*) FROM transfer_loans tl WHERE tl.app_id = a.id)',
      width: 6,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    {
      key: 'transferee',
      label: L('受让人', 'Transferee'),
      type: 'text',
      sql: 'a.transferee',
      sortable: true,
      width: 20,
    },
    {
      key: 'method',
      label: L('转让方式', 'Method'),
      type: 'dict',
      dict: 'transfer_method',
      sql: 'a.method',
      width: 10,
    },
    money('bookValue', '账面价值', 'Book value', 'a.book_fen'),
    money('valuation', '评估价值', 'Valuation', 'a.valuation_fen'),
    money('price', '成交价', 'Price', 'a.price_fen'),
    money('loss', '转让损失', 'Loss', '(a.book_fen - a.price_fen)'),
    {
      key: 'contractNo',
      label: L('转让合同', 'Contract'),
      type: 'text',
      sql: 'a.contract_no',
      width: 18,
    },
    { key: 'paidOn', label: L('收款日期', 'Paid on'), type: 'date', sql: 'a.paid_on', width: 14 },
  ],
}
