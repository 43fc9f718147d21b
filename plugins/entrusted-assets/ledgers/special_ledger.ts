/*
| 特定资产台账: risk assets flagged as 特定资产 (by a rule or by hand), with the
| balance when flagged and the balance now. As of D: flags set by D and not
| removed before D, and the balance as of D — the loan's latest end-of-day
| snapshot (credit-assets' published lookup loanSnapshots) between the flag
| date and D; with none in between, the balance when flagged is the latest
| known. Never today's balance on a past date.
*/
import type { LedgerDefinition } from '#core/plugins/types'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

const L = (zh: string, en: string) => ({ zh, en })
const SNAPSHOTS = book.loanSnapshots.table

export const specialLedger: LedgerDefinition = {
  id: 'special-assets',
  name: L('特定资产台账', 'Special assets ledger'),
  permission: 'entrusted-assets:special-ledger:list',
  exportPermission: 'entrusted-assets:special-ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 75, icon: 'Flag' },
  query: ({ db, asOf }) => {
    const query = db.from('entrusted_special_assets as s')
    if (asOf)
      query
        .where('s.flagged_on', '<=', asOf)
        .where((w) => w.whereNull('s.unflagged_on').orWhere('s.unflagged_on', '>', asOf))
        // The primary key (snapshot_date, loan_id) finds the one row.
        .joinRaw(
          `LEFT JOIN ${SNAPSHOTS} AS sn ON sn.loan_id = s.loan_id AND sn.snapshot_date = ` +
            `(SELECT MAX(x.snapshot_date) FROM ${SNAPSHOTS} x WHERE x.loan_id = s.loan_id ` +
            `AND x.snapshot_date >= s.flagged_on AND x.snapshot_date <= ?)`,
          [asOf]
        )
    else query.whereNull('s.unflagged_on')
    return query
  },
  lookups: [
    { alias: 'og', table: 'orgs', on: 's.org_id' },
    { alias: 'l', table: book.loans.table, on: 's.loan_id' },
    { alias: 'c', table: book.customers.table, on: 's.customer_id' },
    { alias: 'r', table: 'entrusted_special_rules', on: 's.rule_id' },
  ],
  rowKey: 's.id',
  scope: { orgColumn: 's.org_id', ownerColumn: 's.manager_id' },
  defaultSort: { key: 'flaggedOn', order: 'desc' },
  asOf: true,
  // Flag dates and end-of-day snapshot dates: the days a balance is known for.
  asOfDates: async ({ db }) => {
    const text = (d: unknown) =>
      d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10)
    const [flags, snaps] = await Promise.all([
      db
        .from('entrusted_special_assets')
        .distinct('flagged_on as d')
        .orderBy('d', 'desc')
        .limit(366),
      db.from(SNAPSHOTS).distinct('snapshot_date as d').orderBy('d', 'desc').limit(366),
    ])
    return [...new Set([...flags, ...snaps].map((r: any) => text(r.d)))]
      .sort()
      .reverse()
      .slice(0, 366)
  },
  columns: [
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'c.name',
      width: 22,
      link: { sql: 's.customer_id', path: '/p/customer-view/CustomerView', param: 'id' },
    },
    { key: 'loanNo', label: L('借据号', 'Loan no.'), type: 'text', sql: 'l.loan_no', width: 18 },
    {
      key: 'category',
      label: L('特定资产类别', 'Category'),
      type: 'dict',
      dict: 'entrusted_special_category',
      sql: 's.category',
    },
    {
      key: 'source',
      label: L('标记方式', 'Flagged by'),
      type: 'dict',
      dict: 'entrusted_special_source',
      sql: 's.source',
    },
    { key: 'ruleName', label: L('规则', 'Rule'), type: 'text', sql: 'r.name', width: 16 },
    {
      key: 'balance',
      label: L('标记时余额', 'Balance when flagged'),
      type: 'money',
      sql: 's.balance_fen',
      total: true,
      sortable: true,
    },
    {
      key: 'currentBalance',
      label: L('余额', 'Balance'),
      type: 'money',
      sql: 'l.balance_fen',
      asOfSql: 'COALESCE(sn.balance_fen, s.balance_fen)',
      total: true,
      sortable: true,
    },
    { key: 'reason', label: L('原因', 'Reason'), type: 'text', sql: 's.reason', width: 24 },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    {
      key: 'flaggedOn',
      label: L('标记日期', 'Flagged on'),
      type: 'date',
      sql: 's.flagged_on',
      sortable: true,
    },
  ],
  filters: [
    {
      key: 'keyword',
      label: L('客户/借据', 'Customer / loan'),
      type: 'keyword',
      sql: ['l.loan_no', 'c.name'],
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 's.org_id' },
    {
      key: 'category',
      label: L('类别', 'Category'),
      type: 'eq',
      sql: 's.category',
      dict: 'entrusted_special_category',
    },
  ],
}
