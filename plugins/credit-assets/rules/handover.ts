/*
| 风险资产移交: a loan enters risk-asset management when it is classified 次级
| or worse, or overdue more than the configured number of days
| (credit-assets.handover.overdueDays, default 90). The data platform applies
| it and sends its list daily (services/platform_sync.ts); the local bulk
| version (services/handover.ts) serves the demo generator and banks without it.
*/
import { classRank, classRankSql, type FiveClass } from './five_class.js'

const SUBSTANDARD = classRank('substandard')

export function qualifiesForHandover(
  loan: { fiveClass: FiveClass; overdueDays: number },
  overdueDaysThreshold: number
): boolean {
  return classRank(loan.fiveClass) >= SUBSTANDARD || loan.overdueDays > overdueDaysThreshold
}

/** The same rule as an SQL condition over a loans alias. */
export function handoverSql(alias: string, overdueDaysThreshold: number): string {
  if (!Number.isInteger(overdueDaysThreshold) || overdueDaysThreshold < 0)
    throw new Error(`Not a number of days: ${overdueDaysThreshold}`)
  return `(${classRankSql(`${alias}.five_class`)} >= ${SUBSTANDARD} OR ${alias}.overdue_days > ${overdueDaysThreshold})`
}
