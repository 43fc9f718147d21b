/*
| Public: 诉讼状态 of loans for other plugins' set-based SQL (a 批量转让 pool's
| totals by litigation status over 50 000 loans). A loan's status is the
| stage (dictionary litigation_case_stage) of its most recently filed case,
| `none` when it is in no case. Other plugins never name the case tables: they
| put this expression in their own SELECT / GROUP BY.
|
|   import { caseStatusApi } from '../../litigation/services/case_status_api.js'
|   q.select(db.raw(`${caseStatusApi.stageOfLoanSql('i.loan_id')} as lit_stage`))
*/
export const NO_CASE = 'none'

/* The loan column goes into SQL text: only `alias.column`. */
function column(loanColumn: string) {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(loanColumn)) throw new Error('Bad loan column')
  return loanColumn
}

/** The SQL expression of the loan's litigation stage (a correlated subquery, indexed by loan). */
function stageOfLoanSql(loanColumn: string) {
  return `COALESCE((SELECT lc.stage FROM lit_case_loans lcl JOIN lit_cases lc ON lc.id = lcl.case_id
    WHERE lcl.loan_id = ${column(loanColumn)} ORDER BY lc.filed_on DESC, lc.id DESC LIMIT 1), '${NO_CASE}')`
}

export const caseStatusApi = { stageOfLoanSql, NO_CASE, stageDictionary: 'litigation_case_stage' }
