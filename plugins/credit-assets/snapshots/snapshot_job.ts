/*
| Job credit-assets:loan-snapshot — (re)writes the snapshot of one business
| date (default: the current one) on the core queue (BullMQ in production,
| in-process in the demo): a backfill, or a rerun after a late correction.
| One transaction, so a ledger as of that date never sees half a snapshot.
*/
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import { assertDate, businessDate } from '#core/business_day/business_date'
import { snapshotLoans } from './loan_snapshot.js'

const loanSnapshotJob: JobHandler = async ({ payload, progress }) => {
  const date = payload?.businessDate
    ? assertDate(String(payload.businessDate))
    : await businessDate.current()
  const report = await db.transaction((trx) =>
    snapshotLoans(trx, date, {
      // Progress through the pool: on SQLite that would wait for the open transaction.
      onChunk: db.connection().dialect.name.includes('sqlite')
        ? undefined
        : (done, total) => progress((done / total) * 99, `${done}/${total}`),
    })
  )
  await progress(100, `${report.rows}`)
  return report
}
export default loanSnapshotJob
