/*
| 风险起始日: when a loan under risk-asset management became a risk asset in
| substance — the earlier of its handover (ca_risk_assets.entered_on) and its
| first classification as 不良 (次级/可疑/损失) in ca_classification_history.
| Handover lags the downgrade (the daily step runs after it; a migration hands
| over years-old NPLs on the day they are loaded), so the downgrade date is the
| better history for trends and for what counts as a recovery (清收).
| Loans that went to risk management only for overdue days use entered_on.
*/
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { FIVE_CLASSES, classRank } from '../rules/five_class.js'

/** 不良 (non-performing): 次级 and worse. */
export const NON_PERFORMING_CLASSES: readonly string[] = FIVE_CLASSES.filter(
  (c) => classRank(c) >= classRank('substandard')
)

/** Adds alias `rs` (first_npl per loan) to a query that has ca_risk_assets as `riskAlias`. */
export function joinRiskSince<Q extends DatabaseQueryBuilderContract>(
  query: Q,
  riskAlias = 'r'
): Q {
  const classes = [...NON_PERFORMING_CLASSES]
  return query.joinRaw(
    `LEFT JOIN (SELECT loan_id, MIN(changed_on) AS first_npl FROM ca_classification_history WHERE to_class IN (${classes.map(() => '?').join(', ')}) GROUP BY loan_id) rs ON rs.loan_id = ${riskAlias}.loan_id`,
    classes
  ) as Q
}

/** SQL for the 风险起始日 of a row joined by joinRiskSince. */
export const riskSinceSql = (riskAlias = 'r') =>
  `CASE WHEN rs.first_npl IS NOT NULL AND rs.first_npl < ${riskAlias}.entered_on THEN rs.first_npl ELSE ${riskAlias}.entered_on END`
