/*
| Job credit-assets:demo-generate — builds the demo bank's loan book:
|   node ace plugins:run credit-assets:demo-generate --payload '{"customers":100000,"loans":1000000}'
| Then hands over qualifying loans to risk-asset management (bulk SQL) so the
| 风险资产 list has rows at once. Floor flags come from the next end of day, or
| at once with `"flagFloor": true` (it then counts as that date's daily step).
*/
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import { businessDate } from '#core/business_day/business_date'
import { runDailyStep } from '#core/business_day/daily_step'
import { generateDemoBank } from '../demo/generate.js'
import { syncHandover } from '../services/handover.js'
import { flagLoansBelowFloor } from '../services/floor_flags.js'
import { creditParameters } from '../services/parameters.js'

const positive = (value: unknown, name: string, fallback?: number) => {
  const n = value === undefined ? fallback : Number(value)
  if (n === undefined || !Number.isSafeInteger(n) || n < 0)
    throw new Error(`"${name}" must be a whole number ≥ 0`)
  return n
}

const demoGenerate: JobHandler = async ({ payload, progress }) => {
  const asOf = await businessDate.current()
  const customers = positive(payload?.customers, 'customers', 2000)
  const loans = positive(payload?.loans, 'loans', 5000)
  if (loans && !customers) throw new Error('"customers" must be at least 1 when generating loans')
  const report = await generateDemoBank(db.connection(), {
    customers,
    loans,
    seed: payload?.seed === undefined ? undefined : positive(payload.seed, 'seed'),
    batchSize: positive(payload?.batchSize, 'batchSize', 2000) || 2000,
    asOf,
    onProgress: (done, total) =>
      progress(Math.floor((done / Math.max(total, 1)) * 90), `${done}/${total} loans`),
  })
  const handoverStarted = performance.now()
  const handedOver =
    payload?.handover === false
      ? 0
      : await syncHandover(asOf, await creditParameters.handoverOverdueDays())
  const handoverMs = Math.round(performance.now() - handoverStarted)
  let flagged: number | null = null
  if (payload?.flagFloor) {
    const delay = await creditParameters.technicalDelayDays()
    await runDailyStep('credit-assets:classification-floor', asOf, async (trx) => {
      flagged = await flagLoansBelowFloor(trx, asOf, delay)
    })
  }
  await progress(100, `${report.rows} rows in ${report.totalMs} ms`)
  return { ...report, handedOver, handoverMs, flagged }
}
export default demoGenerate
