/*
| 批量转让台账: one row per loan transferred in a batch (交割 done) — the project,
| the package, the buyer, the loan's book figures, the price allocated to it,
| the loss and the handover date. Scoped by the loan's org and manager, so a
| branch sees its own loans of a head-office package. As of a date: the loans
| handed over on or before it (a delivered loan never changes afterwards).
*/
import type { LedgerColumn, LedgerDefinition, LedgerQueryContext } from '#core/plugins/types'
import { day } from '../domain/store.js'

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
    .from('batch_disposal_items as i')
    .join('batch_disposal_packages as k', 'k.id', 'i.package_id')
    .join('batch_disposal_projects as p', 'p.id', 'i.project_id')
    .join('batch_disposal_allocations as a', 'a.item_id', 'i.id')
    .whereNotNull('i.delivered_on')
  if (asOf) q.where('i.delivered_on', '<=', asOf)
  return q
}

export const batchLedger: LedgerDefinition = {
  id: 'batch-transfer',
  name: L('批量转让台账', 'Batch transfer ledger'),
  permission: 'batch-disposal:ledger:list',
  exportPermission: 'batch-disposal:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 185, icon: 'Files' },
  query,
  lookups: [{ alias: 'og', table: 'orgs', on: 'i.org_id' }],
  rowKey: 'i.id',
  scope: { orgColumn: 'i.org_id', ownerColumn: 'i.manager_id' },
  defaultSort: { key: 'handoverDate', order: 'desc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('batch_disposal_items')
        .whereNotNull('delivered_on')
        .distinct('delivered_on')
        .orderBy('delivered_on', 'desc')
        .limit(400)
    ).map((r: any) => day(r.delivered_on)!),
  filters: [
    {
      key: 'keyword',
      label: L('借据号/项目/资产包/债务人/受让方', 'Loan / project / package / debtor / buyer'),
      type: 'keyword',
      sql: ['i.loan_no', 'p.project_no', 'p.name', 'k.package_no', 'i.customer_name', 'k.buyer'],
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'i.org_id' },
    {
      key: 'mode',
      label: L('处置方式', 'Mode'),
      type: 'eq',
      sql: 'p.mode',
      dict: 'batch_disposal_mode',
    },
    {
      key: 'handoverDate',
      label: L('交割日期', 'Handover date'),
      type: 'dateRange',
      sql: 'i.delivered_on',
    },
  ],
  columns: [
    {
      key: 'handoverDate',
      label: L('交割日期', 'Handover date'),
      type: 'date',
      sql: 'i.delivered_on',
      sortable: true,
      width: 12,
    },
    {
      key: 'projectNo',
      label: L('项目编号', 'Project'),
      type: 'text',
      sql: 'p.project_no',
      sortable: true,
      width: 20,
      link: { sql: 'p.id', path: '/p/batch-disposal/Projects', param: 'id' },
    },
    {
      key: 'projectName',
      label: L('项目名称', 'Project name'),
      type: 'text',
      sql: 'p.name',
      width: 20,
    },
    {
      key: 'mode',
      label: L('处置方式', 'Mode'),
      type: 'dict',
      dict: 'batch_disposal_mode',
      sql: 'p.mode',
      width: 10,
    },
    {
      key: 'packageNo',
      label: L('资产包', 'Package'),
      type: 'text',
      sql: 'k.package_no',
      sortable: true,
      width: 24,
      link: { sql: 'k.id', path: '/p/batch-disposal/Implementation', param: 'package' },
    },
    {
      key: 'buyer',
      label: L('受让方', 'Buyer'),
      type: 'text',
      sql: 'k.buyer',
      sortable: true,
      width: 20,
    },
    {
      key: 'loanNo',
      label: L('借据号', 'Loan'),
      type: 'text',
      sql: 'i.loan_no',
      sortable: true,
      width: 18,
    },
    {
      key: 'customerName',
      label: L('债务人', 'Debtor'),
      type: 'text',
      sql: 'i.customer_name',
      sortable: true,
      width: 20,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    {
      key: 'fiveClass',
      label: L('五级分类', 'Class'),
      type: 'dict',
      dict: 'credit_assets_five_class',
      sql: 'i.five_class',
      width: 8,
    },
    money('principal', '本金', 'Principal', 'i.principal_fen'),
    money('interest', '利息', 'Interest', '(i.on_interest_fen + i.off_interest_fen)'),
    money('price', '分配价款', 'Price share', 'a.price_fen'),
    money('loss', '转让损失', 'Loss', '(i.principal_fen + i.on_interest_fen - a.price_fen)'),
    {
      key: 'contractNo',
      label: L('转让合同', 'Contract'),
      type: 'text',
      sql: 'k.contract_no',
      width: 18,
    },
  ],
}
