/*
| 诉讼台账: one row per case — customer, loans, 诉讼请求, stage, court, lawyer, fees,
| recovered and the next deadline — through the core ledger framework (filters,
| whitelisted sorting, 合计, saved views, print, xlsx export), under 台账管理. Data
| scope on the case's org and the clerk who registered it.
| As of a date: the cases filed by then, each at the stage of its last progress
| entry on or before that date (the registration is the first entry), and the
| first deadline from that date on, and the fees of 费用管理 by then. Claims and
| recovered are today's: the case keeps no history of them.
| Fees come from the expenses plugin (services/expense_sums_api.ts, never its tables):
| the expenses whose source is the case or a lawyer engagement for the case.
*/
import type { LedgerDefinition } from '#core/plugins/types'
import { expenseSumsBySource } from '../../expenses/services/expense_sums_api.js'

const L = (zh: string, en: string) => ({ zh, en })
const LOANS = `(SELECT GROUP_CONCAT(x.loan_no) FROM lit_case_loans x WHERE x.case_id = c.id)`
const CLAIM = 'c.claim_principal_fen + c.claim_interest_fen + c.claim_other_fen'
const FEES = 'COALESCE(fe.total_fen, 0)'
const FEES_PAID = 'COALESCE(fe.paid_fen, 0)'
/** The case's expense sources: the case itself and the lawyer engagements for it. */
const CASE_SOURCES = `SELECT 'case' AS kind, CAST(id AS CHAR) AS source_id, id AS case_id FROM lit_cases
  UNION ALL SELECT 'engagement', CAST(id AS CHAR), case_id FROM lit_engagements WHERE case_id IS NOT NULL`
const NEXT_LIVE = '(SELECT MIN(dl.due_date) FROM lit_case_deadlines dl WHERE dl.case_id = c.id)'
const STAGE_AS_OF = 'COALESCE(ps.stage, c.stage)'

export const caseLedger: LedgerDefinition = {
  id: 'litigation-cases',
  name: L('诉讼台账', 'Litigation ledger'),
  permission: 'litigation:ledger:list',
  exportPermission: 'litigation:ledger:export',
  menu: { parent: 'credit-assets:ledgers', order: 40, icon: 'Stamp' },
  query: ({ db, asOf }) => {
    const query = db.from('lit_cases as c')
    const sums = expenseSumsBySource({ plugin: 'litigation', kinds: ['case', 'engagement'], asOf })
    query.joinRaw(
      `LEFT JOIN (SELECT k.case_id, SUM(x.total_fen) AS total_fen, SUM(x.paid_fen) AS paid_fen
         FROM ${sums.sql} x JOIN (${CASE_SOURCES}) k ON k.kind = x.source_kind AND k.source_id = x.source_id
         GROUP BY k.case_id) fe ON fe.case_id = c.id`,
      sums.bindings
    )
    if (asOf) {
      query.where('c.filed_on', '<=', asOf)
      // The stage of each case's last progress entry on or before the date.
      query.joinRaw(
        `LEFT JOIN (SELECT p.case_id, p.stage FROM lit_case_progress p WHERE p.happened_on <= ? AND NOT EXISTS (
           SELECT 1 FROM lit_case_progress q WHERE q.case_id = p.case_id AND q.happened_on <= ?
             AND (q.happened_on > p.happened_on OR (q.happened_on = p.happened_on AND q.id > p.id)))
         ) ps ON ps.case_id = c.id`,
        [asOf, asOf]
      )
      query.joinRaw(
        'LEFT JOIN (SELECT case_id, MIN(due_date) AS next_due FROM lit_case_deadlines WHERE due_date >= ? GROUP BY case_id) nd ON nd.case_id = c.id',
        [asOf]
      )
    }
    return query
  },
  lookups: [{ alias: 'og', table: 'orgs', on: 'c.org_id' }],
  rowKey: 'c.id',
  scope: { orgColumn: 'c.org_id', ownerColumn: 'c.created_by' },
  defaultSort: { key: 'filedOn', order: 'desc' },
  asOf: true,
  asOfDates: async ({ db }) =>
    (
      await db
        .from('lit_case_progress')
        .distinct('happened_on')
        .orderBy('happened_on', 'desc')
        .limit(400)
    ).map((r: any) => String(r.happened_on).slice(0, 10)),
  columns: [
    {
      key: 'caseNo',
      label: L('案号', 'Case no.'),
      type: 'text',
      sql: 'c.case_no',
      sortable: true,
      width: 26,
      link: { sql: 'c.id', path: '/p/litigation/cases/CaseRegister', param: 'id' },
    },
    {
      key: 'customerNo',
      label: L('客户号', 'Customer no.'),
      type: 'text',
      sql: 'c.customer_no',
      visible: false,
    },
    {
      key: 'customerName',
      label: L('客户名称', 'Customer'),
      type: 'text',
      sql: 'c.customer_name',
      sortable: true,
      width: 22,
    },
    { key: 'orgName', label: L('经营机构', 'Org'), type: 'text', sql: 'og.name', width: 14 },
    { key: 'loanNos', label: L('借据号', 'Loans'), type: 'text', sql: LOANS, width: 22 },
    {
      key: 'filedOn',
      label: L('立案日期', 'Filed on'),
      type: 'date',
      sql: 'c.filed_on',
      sortable: true,
    },
    {
      key: 'stage',
      label: L('诉讼阶段', 'Stage'),
      type: 'dict',
      dict: 'litigation_case_stage',
      sql: 'c.stage',
      asOfSql: STAGE_AS_OF,
      sortable: true,
    },
    {
      key: 'court',
      label: L('受理法院', 'Court'),
      type: 'text',
      sql: 'c.court',
      sortable: true,
      width: 22,
    },
    { key: 'judge', label: L('承办法官', 'Judge'), type: 'text', sql: 'c.judge', visible: false },
    {
      key: 'lawyer',
      label: L('代理律师', 'Lawyer'),
      type: 'text',
      sql: 'c.lawyer_name',
      width: 12,
    },
    {
      key: 'lawFirm',
      label: L('律师事务所', 'Law firm'),
      type: 'text',
      sql: 'c.law_firm',
      visible: false,
    },
    {
      key: 'claim',
      label: L('诉讼标的', 'Claim'),
      type: 'money',
      sql: CLAIM,
      sortable: true,
      total: true,
    },
    { key: 'fees', label: L('费用', 'Fees'), type: 'money', sql: FEES, total: true },
    {
      key: 'feesPaid',
      label: L('已付费用', 'Fees paid'),
      type: 'money',
      sql: FEES_PAID,
      total: true,
      visible: false,
    },
    {
      key: 'recovered',
      label: L('已回收', 'Recovered'),
      type: 'money',
      sql: 'c.recovered_fen',
      sortable: true,
      total: true,
    },
    {
      key: 'nextDeadline',
      label: L('下一期限', 'Next deadline'),
      type: 'date',
      sql: NEXT_LIVE,
      asOfSql: 'nd.next_due',
      sortable: true,
    },
  ],
  filters: [
    {
      key: 'keyword',
      label: L('案号/客户', 'Case no. / customer'),
      type: 'keyword',
      sql: ['c.case_no', 'c.customer_name', 'c.court'],
    },
    { key: 'orgId', label: L('机构', 'Org'), type: 'org', sql: 'c.org_id' },
    {
      key: 'stage',
      label: L('诉讼阶段', 'Stage'),
      type: 'eq',
      sql: 'c.stage',
      asOfSql: STAGE_AS_OF,
      dict: 'litigation_case_stage',
    },
    { key: 'filedOn', label: L('立案日期', 'Filed on'), type: 'dateRange', sql: 'c.filed_on' },
    { key: 'claim', label: L('诉讼标的', 'Claim'), type: 'moneyRange', sql: CLAIM },
  ],
}
