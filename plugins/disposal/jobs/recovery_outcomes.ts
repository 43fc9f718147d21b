/*
| Job disposal:recovery-outcomes: records the 清收 outcomes of every recovery
| booked through the business date (payload `{ through?: 'YYYY-MM-DD' }`), one
| transaction per page of 500 repayments. The demo seed and the demo generator
| run it after credit-assets built the book; idempotent, so a rerun adds only
| what is new.
*/
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import type { JobHandler } from '#core/plugins/types'
import { isCalendarDate } from '#core/query/condition_values'
import { recordRecoveryPage } from '../outcomes/recoveries.js'

const recoveryOutcomesJob: JobHandler = async ({ payload, progress }) => {
  const asked = payload?.through
  if (asked !== undefined && (typeof asked !== 'string' || !isCalendarDate(asked)))
    throw new Error(`through must be a date YYYY-MM-DD, got ${String(asked)}`)
  const through = asked ?? (await businessDate.current())
  let after = 0
  let recorded = 0
  for (;;) {
    const page = await db.transaction((trx) => recordRecoveryPage(trx, after, through))
    if (page.last === null) break
    recorded += page.recorded
    after = page.last
    await progress(0, `${recorded} outcomes recorded (repayment id ${after})`)
  }
  return { through, recorded }
}
export default recoveryOutcomesJob
