/*
| 分类下限: 《商业银行金融资产风险分类办法》(2023) sets the best class a loan may
| hold given how long it is overdue:
|   overdue beyond the technical delay (技术性逾期, default 7 days) → at least 关注
|   overdue > 90 days → at least 次级;  > 270 → at least 可疑;  > 360 → 损失
| A loan classified better than its floor is "below floor" and gets flagged.
| The TS function and the SQL CASE below encode the same table; the unit tests
| check both against the boundaries.
*/
import { classRank, classRankSql, type FiveClass } from './five_class.js'

/** Overdue-day thresholds after the technical delay, worst first. */
const FLOORS: Array<{ above: number; floor: FiveClass }> = [
  { above: 360, floor: 'loss' },
  { above: 270, floor: 'doubtful' },
  { above: 90, floor: 'substandard' },
]

export function classificationFloor(overdueDays: number, technicalDelayDays: number): FiveClass {
  for (const { above, floor } of FLOORS) if (overdueDays > above) return floor
  return overdueDays > technicalDelayDays ? 'special_mention' : 'normal'
}

/** The loan's class is better than the regulation allows for its overdue days. */
export function isBelowFloor(current: FiveClass, overdueDays: number, technicalDelayDays: number) {
  return classRank(current) < classRank(classificationFloor(overdueDays, technicalDelayDays))
}

function assertDays(days: number) {
  if (!Number.isInteger(days) || days < 0) throw new Error(`Not a number of days: ${days}`)
  return days
}

/** SQL CASE giving the floor class code for an overdue-days column. */
export function floorClassSql(overdueColumn: string, technicalDelayDays: number): string {
  const delay = assertDays(technicalDelayDays)
  return `CASE ${FLOORS.map((f) => `WHEN ${overdueColumn} > ${f.above} THEN '${f.floor}'`).join(' ')} WHEN ${overdueColumn} > ${delay} THEN 'special_mention' ELSE 'normal' END`
}

/** SQL condition: the class column is better than the floor of the overdue column. */
export function belowFloorSql(
  classColumn: string,
  overdueColumn: string,
  technicalDelayDays: number
) {
  return `${classRankSql(classColumn)} < ${classRankSql(`(${floorClassSql(overdueColumn, technicalDelayDays)})`)}`
}
