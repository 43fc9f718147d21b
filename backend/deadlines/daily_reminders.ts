/*
| The daily reminder run (时效提醒): every active deadline whose overdue
| reminder is not yet recorded is checked against `today`, in chunks, each chunk
| its own transaction (or the end-of-day step's). Rerunning the same day sends
| nothing new (reminder rows are the idempotency key).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { workingDays } from '#core/holidays/working_days'
import { raiseRemindersFor } from './raise_reminders.js'
import { sleepingSources } from './deadline_owner.js'

const CHUNK = 500

export async function raiseDueReminders(
  today: string,
  trx?: TransactionClientContract
): Promise<{ checked: number; sent: number }> {
  const calendar = await workingDays.calendar()
  let lastId = 0
  let checked = 0
  let sent = 0
  for (;;) {
    const rows = await (trx ?? db)
      .from('deadlines as d')
      .whereNull('d.removed_at')
      .whereNotIn('d.source', sleepingSources(trx ?? db))
      .where('d.id', '>', lastId)
      .whereNotExists((q) =>
        q
          .from('deadline_reminders as r')
          .select(db.raw('1'))
          .whereColumn('r.deadline_id', 'd.id')
          .whereColumn('r.due_date', 'd.due_date')
          .where('r.kind', 'overdue')
      )
      .orderBy('d.id')
      .limit(CHUNK)
      .select('d.id')
    if (!rows.length) break
    const ids = rows.map((r) => Number(r.id))
    lastId = ids[ids.length - 1]
    checked += ids.length
    sent += trx
      ? await raiseRemindersFor(ids, today, trx, calendar)
      : await db.transaction((own) => raiseRemindersFor(ids, today, own, calendar))
  }
  return { checked, sent }
}
