/*
| 日终步骤 disposal:limitation-recompute — recomputes the limitation dates of every
| loan under risk-asset management for the business date (statuses turn expired,
| calendar and rule changes take effect) and refreshes the reminders; drops the
| stored dates of loans that left risk management. A written-off loan left
| management but not the bank's claim (账销案存): its periods keep being managed
| and reminded. Safe to rerun for a date: it replaces each loan's rows.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { DailyStepHandler } from '#core/plugins/types'
import { calendarFor, DATES_TABLE, forgetLoans, recomputeLoans } from './limitation_service.js'
import { loadRules } from './rule_store.js'
import { reminderOffsets } from './reminders.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

const BATCH = 500

/** Risk assets whose limitation periods are managed: under management, or written off (账销案存). */
export function followed<Q extends DatabaseQueryBuilderContract>(
  query: Q,
  client: Pick<QueryClientContract, 'from'>
): Q {
  return query.where((w) =>
    w
      .where('status', 'managed')
      .orWhere((x) =>
        x
          .where('status', 'exited')
          .whereIn(
            'loan_id',
            client.from(book.loans.table).where('status', 'written_off').select('id')
          )
      )
  )
}

const limitationRecompute: DailyStepHandler = async ({ businessDate, trx }) => {
  const context = {
    rules: await loadRules(trx),
    calendar: await calendarFor(trx),
    offsets: await reminderOffsets(),
  }
  let last = 0
  for (;;) {
    const batch = await followed(trx.from(book.riskAssets.table), trx)
      .where('loan_id', '>', last)
      .orderBy('loan_id')
      .limit(BATCH)
      .select('loan_id')
    if (!batch.length) break
    const ids = batch.map((r) => Number(r.loan_id))
    await recomputeLoans(trx, ids, businessDate, context)
    last = ids.at(-1)!
  }
  const gone = await trx
    .from(DATES_TABLE)
    .whereNotIn('loan_id', followed(trx.from(book.riskAssets.table), trx).select('loan_id'))
    .distinct('loan_id')
  await forgetLoans(
    trx,
    gone.map((r) => Number(r.loan_id))
  )
}
export default limitationRecompute
