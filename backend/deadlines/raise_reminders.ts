/*
| Raises the reminders due by `today` for some deadlines, in one transaction:
| the deadline rows are locked (FOR UPDATE), so a concurrent run (another node's
| daily job, an upsert) waits and then finds the reminders recorded; the
| reminder row and the message commit together, so a crash never leaves one
| without the other. Idempotent per (deadline, due date, offset).
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { workingDays, type WorkCalendar } from '#core/holidays/working_days'
import { notify } from '#core/messages/notify'
import { dbNow } from '#core/db/db_time'
import { decideReminders, type ReminderDecision } from './reminder_rules.js'
import { asDate } from './deadline_rows.js'
import { holdersLookup } from './deadline_recipients.js'
import { sleepingSources } from './deadline_owner.js'

export const REMINDER_TYPE = 'deadline.reminder'

function reminderMessage(
  deadline: { title: string; rule: string; due_date: string; link: string | null },
  decision: ReminderDecision,
  left: number
) {
  const overdue = decision.kind === 'overdue'
  return {
    title: overdue ? `时效已到期：${deadline.title}` : `时效提醒：${deadline.title}`,
    body: overdue
      ? `该事项已于 ${deadline.due_date} 到期，请尽快处理。依据：${deadline.rule}`
      : `该事项将于 ${deadline.due_date} 到期，剩余 ${left} 个工作日。依据：${deadline.rule}`,
    data: {
      dueDate: deadline.due_date,
      workingDaysLeft: left,
      offset: decision.offset,
      kind: decision.kind,
      facts: [
        { label: '到期日', value: deadline.due_date },
        { label: '剩余工作日', value: String(Math.max(left, 0)) },
        { label: '依据', value: deadline.rule },
      ],
    },
  }
}

/** Returns how many reminders were sent (superseded ones not counted). */
export async function raiseRemindersFor(
  deadlineIds: number[],
  today: string,
  trx: TransactionClientContract,
  calendar?: WorkCalendar
): Promise<number> {
  if (!deadlineIds.length) return 0
  const rows = await trx
    .from('deadlines')
    .whereIn('id', deadlineIds)
    .whereNull('removed_at')
    .whereNotIn('source', sleepingSources(trx))
    .forUpdate()
    .select(
      'id',
      'title',
      'rule',
      'due_date',
      'offsets',
      'link',
      'org_id',
      'permission',
      'record_org_id',
      'record_owner_id'
    )
  if (!rows.length) return 0
  const cal = calendar ?? (await workingDays.calendar())
  const ids = rows.map((r) => Number(r.id))
  const [recorded, people] = await Promise.all([
    trx
      .from('deadline_reminders')
      .whereIn('deadline_id', ids)
      .select('deadline_id', 'due_date', 'kind', 'offset_days'),
    trx.from('deadline_users').whereIn('deadline_id', ids).select('deadline_id', 'user_id'),
  ])
  const holders = holdersLookup()
  let sent = 0
  for (const row of rows) {
    const deadline = { ...row, due_date: asDate(row.due_date) }
    const id = Number(row.id)
    const decisions = decideReminders(
      cal,
      deadline.due_date,
      JSON.parse(row.offsets) as number[],
      today,
      recorded
        .filter((r) => Number(r.deadline_id) === id && asDate(r.due_date) === deadline.due_date)
        .map((r) => ({ kind: r.kind, offset: Number(r.offset_days) }))
    )
    for (const decision of decisions) {
      await trx.table('deadline_reminders').insert({
        deadline_id: id,
        due_date: deadline.due_date,
        kind: decision.kind,
        offset_days: decision.offset,
        remind_on: decision.remindOn,
        status: decision.status === 'send' ? 'sent' : 'superseded',
        created_at: dbNow(),
      })
      if (decision.status !== 'send') continue
      const left = cal.workingDaysBetween(today, deadline.due_date)
      const named = people.filter((p) => Number(p.deadline_id) === id).map((p) => Number(p.user_id))
      const byPermission =
        row.permission && row.org_id
          ? await holders(Number(row.org_id), row.permission, {
              orgId: Number(row.record_org_id ?? row.org_id),
              ownerId: row.record_owner_id === null ? null : Number(row.record_owner_id),
            })
          : []
      const userIds = [...new Set([...named, ...byPermission])]
      await notify(
        {
          type: REMINDER_TYPE,
          userIds,
          ...reminderMessage(deadline, decision, left),
          link: deadline.link ?? '/messages',
        },
        { trx }
      )
      sent++
    }
  }
  return sent
}
