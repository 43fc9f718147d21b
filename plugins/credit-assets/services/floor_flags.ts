/*
| Flags every active loan whose class is better than its regulatory floor on a
| business date, in one INSERT … SELECT (millions of loans: never row by row).
| Replaces that date's flags so a deliberate rerun gives the same answer.
*/
import { dbNow } from '#core/db/db_time'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { belowFloorSql, floorClassSql } from '../rules/classification_floor.js'

export async function flagLoansBelowFloor(
  client: QueryClientContract,
  businessDate: string,
  technicalDelayDays: number
): Promise<number> {
  await client.from('ca_floor_flags').where('business_date', businessDate).delete()
  await client.rawQuery(
    `INSERT INTO ca_floor_flags (loan_id, business_date, current_class, floor_class, overdue_days, created_at)
     SELECT l.id, ?, l.five_class, ${floorClassSql('l.overdue_days', technicalDelayDays)}, l.overdue_days, ?
     FROM ca_loans l
     WHERE l.status = 'active' AND ${belowFloorSql('l.five_class', 'l.overdue_days', technicalDelayDays)}`,
    [businessDate, dbNow()]
  )
  const row = await client
    .from('ca_floor_flags')
    .where('business_date', businessDate)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
