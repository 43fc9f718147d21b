/*
| 核销资产台账 (loans) and 信用卡核销台账 (card accounts): one row per subject
| written off by a 核销批复 — 账销案存: the row stays, and every repayment after
| the write-off date shows as 核销后收回 (read from credit-assets' book through
| its lookups), with the last recovery date and the 无追索权 flag.
| As of a date: the subjects written off by then, the recoveries paid by then,
| and the 无追索权 flags determined by then (write-off rows are never changed,
| so that is the ledger as it stood that evening).
*/
import type { LedgerColumn, LedgerDefinition, LedgerQueryContext } from '#core/plugins/types'
import { day } from '../plans/plan_store.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

const L = (zh: string, en: string) => ({ zh, en })

function itemsQuery({ db, asOf }: LedgerQueryContext, kind: 'loan' | 'card') {
  const paid = asOf ? ' AND r.paid_on <= ?' : ''
  const recovered =
    kind === 'loan'
      ? `SELECT wi.id AS item_id, SUM(r.principal_fen + r.interest_fen + r.penalty_fen) AS recovered_fen, MAX(r.paid_on) AS last_paid_on
           FROM write_off_plan_items wi JOIN ${book.repayments.table} r ON r.loan_id = wi.subject_id
          WHERE wi.subject_kind = 'loan' AND wi.written_off_on IS NOT NULL AND r.paid_on >= wi.written_off_on${paid}
          GROUP BY wi.id`
      : `SELECT wi.id AS item_id, SUM(r.amount_fen) AS recovered_fen, MAX(r.paid_on) AS last_paid_on
           FROM write_off_plan_items wi JOIN ${book.cardRepayments.table} r ON r.account_id = wi.subject_id
          WHERE wi.subject_kind = 'card' AND wi.written_off_on IS NOT NULL AND r.paid_on >= wi.written_off_on${paid}
          GROUP BY wi.id`
  const query = db
    .from('write_off_plan_items as i')
    .join('write_off_plans as p', 'p.id', 'i.plan_id')
    .joinRaw(`LEFT JOIN (${recovered}) rc ON rc.item_id = i.id`, asOf ? [asOf] : [])
    .joinRaw(
      `LEFT JOIN (SELECT id AS nr_id FROM write_off_plan_items WHERE no_recourse = ?${asOf ? ' AND no_recourse_on <= ?' : ''}) nr ON nr.nr_id = i.id`,
      asOf ? [true, asOf] : [true]
    )
    .where('i.subject_kind', kind)
    .whereNotNull('i.written_off_on')
  if (asOf) query.where('i.written_off_on', '<=', asOf)
  return query
}

const money = (key: string, zh: string, en: string, sql: string): LedgerColumn => ({
  key,
  label: L(zh, en),
  type: 'money',
  sql,
  sortable: true,
  total: true,
})

const common = (kind: 'loan' | 'card'): LedgerColumn[] => [
  {
    key: 'writtenOffOn',
    label: L('核销日期', 'Written off on'),
    type: 'date',
    sql: 'i.written_off_on',
    sortable: true,
    width: 14,
  },
  {
    key: 'replyNo',
    label: L('核销批复', 'Reply no.'),
    type: 'text',
    sql: 'p.reply_no',
    sortable: true,
    width: 18,
    link: { sql: 'p.id', path: '/p/write-off/Postings', param: 'id' },
  },
  {
    key: 'subjectNo',
    label: kind === 'loan' ? L('借据号', 'Loan no.') : L('卡账户号', 'Card account'),
    type: 'text',
    sql: 'i.subject_no',
    sortable: true,
    width: 18,
  },
  {
    key: 'customerName',
    label: L('客户名称', 'Customer'),
    type: 'text',
    sql: 'i.customer_name',
    sortable: true,
    width: 20,
  },
  { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
  {
    key: 'rule',
    label: L('核销条件', 'Condition'),
    type: 'text',
    sql: '(SELECT ru.name FROM write_off_rules ru WHERE ru.code = i.rule_code)',
    width: 24,
    visible: false,
  },
]

const tail: LedgerColumn[] = [
  money('recovered', '核销后收回', 'Recovered after write-off', 'COALESCE(rc.recovered_fen, 0)'),
  {
    key: 'lastRecoveredOn',
    label: L('最近收回日', 'Last recovery'),
    type: 'date',
    sql: 'rc.last_paid_on',
    sortable: true,
  },
  {
    key: 'noRecourse',
    label: L('无追索权', 'No recourse'),
    type: 'text',
    sql: "CASE WHEN nr.nr_id IS NULL THEN '否' ELSE '是' END",
    width: 8,
  },
]

const filters = (kind: 'loan' | 'card') => [
  {
    key: 'keyword',
    label:
      kind === 'loan'
        ? L('借据号/客户', 'Loan / customer')
        : L('卡账户/客户', 'Account / customer'),
    type: 'keyword' as const,
    sql: ['i.subject_no', 'i.customer_name', 'p.reply_no'],
  },
  { key: 'orgId', label: L('机构', 'Org'), type: 'org' as const, sql: 'i.org_id' },
  {
    key: 'writtenOffOn',
    label: L('核销日期', 'Written off on'),
    type: 'dateRange' as const,
    sql: 'i.written_off_on',
  },
]

const base = (kind: 'loan' | 'card') => ({
  query: (ctx: LedgerQueryContext) => itemsQuery(ctx, kind),
  lookups: [{ alias: 'og', table: 'orgs', on: 'i.org_id' }],
  rowKey: 'i.id',
  scope: { orgColumn: 'i.org_id', ownerColumn: 'i.manager_id' },
  defaultSort: { key: 'writtenOffOn', order: 'desc' as const },
  asOf: true,
  asOfDates: async ({ db }: Pick<LedgerQueryContext, 'db'>) =>
    (
      await db
        .from('write_off_plan_items')
        .where('subject_kind', kind)
        .whereNotNull('written_off_on')
        .distinct('written_off_on')
        .orderBy('written_off_on', 'desc')
        .limit(400)
    ).map((r: any) => day(r.written_off_on)!),
  filters: filters(kind),
})

export const writeOffLedger: LedgerDefinition = {
  id: 'write-off-assets',
  name: L('核销资产台账', 'Written-off assets ledger'),
  permission: 'write-off:ledger:list',
  exportPermission: 'write-off:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 170, icon: 'Notebook' },
  ...base('loan'),
  columns: [
    ...common('loan'),
    money('principal', '核销本金', 'Principal', 'i.principal_fen'),
    money('onBalanceInterest', '表内利息', 'On-balance interest', 'i.on_balance_interest_fen'),
    money('offBalanceInterest', '表外利息', 'Off-balance interest', 'i.off_balance_interest_fen'),
    money(
      'total',
      '核销合计',
      'Total',
      '(i.principal_fen + i.on_balance_interest_fen + i.off_balance_interest_fen)'
    ),
    ...tail,
  ],
}

export const cardWriteOffLedger: LedgerDefinition = {
  id: 'write-off-cards',
  name: L('信用卡核销台账', 'Credit-card write-off ledger'),
  permission: 'write-off:ledger:list',
  exportPermission: 'write-off:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 171, icon: 'CreditCard' },
  ...base('card'),
  columns: [
    ...common('card'),
    money('principal', '透支本金', 'Overdraft principal', 'i.principal_fen'),
    money('interest', '利息', 'Interest', 'i.on_balance_interest_fen'),
    money('fee', '费用', 'Fees', 'i.fee_fen'),
    money(
      'total',
      '核销合计',
      'Total',
      '(i.principal_fen + i.on_balance_interest_fen + i.fee_fen)'
    ),
    ...tail,
  ],
}
