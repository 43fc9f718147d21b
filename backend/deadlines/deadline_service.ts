/*
| 时效提醒: plugins register deadlines (诉讼时效 end, approval time limits, …) and
| the core reminds the people responsible, N working days before each due date,
| and once when it has passed.
|
|   await deadlines.upsert({ source: 'disposal', kind: 'disposal:limitation',
|     subjectType: 'loan', subjectId: '123', title: '…诉讼时效届满', dueDate: '2026-10-15',
|     rule: '民法典第188条：三年诉讼时效', offsets: [30, 7, 1], userIds: [7] }, trx)
|   // or, for whoever holds a permission at that org:  orgId: 12, permission: 'disposal:plan:edit'
|   await deadlines.remove({ source, kind, subjectType, subjectId }, trx)
|
| A deadline is keyed by (source, kind, subjectType, subjectId) and belongs to the
| plugin named by `source`: while that plugin is disabled its deadlines are hidden
| and silent (deadline_owner.ts). Upserting again replaces its title, due date,
| offsets, people and record scope; `remove` is a soft delete (see below). The
| API is documented in docs/plugins.md "Deadlines". If a reminder of the new
| state is already due (its date is today or past) and was not sent, it is raised
| at once, inside the caller's transaction — see reminder_rules.ts for the dates.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { raiseRemindersFor } from './raise_reminders.js'
import { deadlineClock } from './deadline_clock.js'

export interface DeadlineKey {
  /** Plugin id that owns the deadline. */
  source: string
  kind: string
  subjectType: string
  subjectId: string
}

export interface DeadlineInput extends DeadlineKey {
  title: string
  /** 'YYYY-MM-DD' (Asia/Shanghai business date). */
  dueDate: string
  /** Which rule produced the due date (zh text shown to the user). */
  rule: string
  /** Working days before the due date to remind, e.g. [30, 7, 1]. */
  offsets: number[]
  /** People reminded by name. Omitted: the named people stay as they were (unless `permission` is given). */
  userIds?: number[]
  orgId?: number
  /**
   * With `orgId`: every active user of that org holding this permission code is
   * reminded too, looked up at each reminder (deadline_recipients.ts). Giving it
   * without `userIds` makes the org's holders the only people.
   */
  permission?: string
  /**
   * The record the deadline is about, for the data scope: reminders by `permission`
   * go only to holders whose scope covers it (a 仅本人 clerk only for records they own).
   * Omitted: the record's org is `orgId` and it has no owner.
   */
  record?: { orgId: number; ownerId?: number | null }
  /** Console path of the subject. */
  link?: string
}

const clip = (text: string, max: number) =>
  text.length > max ? text.slice(0, max - 1) + '…' : text

function normaliseOffsets(offsets: number[]) {
  const clean = [...new Set(offsets)].filter((n) => Number.isSafeInteger(n) && n >= 0 && n <= 3650)
  if (clean.length !== new Set(offsets).size)
    throw new Error(`Deadline offsets must be whole working days (0–3650): ${offsets.join(',')}`)
  return clean.sort((a, b) => b - a)
}

const keyWhere = (key: DeadlineKey) => ({
  source: key.source,
  kind: key.kind,
  subject_type: key.subjectType,
  subject_id: String(key.subjectId),
})

async function upsert(input: DeadlineInput, trx?: TransactionClientContract): Promise<number> {
  if (!trx) return db.transaction((own) => upsert(input, own))
  assertDate(input.dueDate)
  if (input.permission && !input.orgId)
    throw new Error(`Deadline ${input.kind} ${input.subjectId}: a permission needs an orgId`)
  const offsets = normaliseOffsets(input.offsets)
  const row = {
    title: clip(input.title, 200),
    due_date: input.dueDate,
    rule: clip(input.rule, 500),
    offsets: JSON.stringify(offsets),
    org_id: input.orgId ?? null,
    permission: input.permission ?? null,
    record_org_id: input.record?.orgId ?? null,
    record_owner_id: input.record?.ownerId ?? null,
    link: input.link ? clip(input.link, 500) : null,
    removed_at: null,
    updated_at: dbNow(),
  }
  const existing = await trx.from('deadlines').where(keyWhere(input)).forUpdate().first()
  let id: number
  if (existing) {
    id = Number(existing.id)
    await trx.from('deadlines').where('id', id).update(row)
  } else {
    const [inserted] = await trx
      .table('deadlines')
      .insert({ ...keyWhere(input), ...row, created_at: dbNow() })
    id = Number(inserted)
  }
  if (input.userIds || input.permission) {
    const userIds = [...new Set(input.userIds ?? [])].filter((u) => Number.isInteger(u) && u > 0)
    await trx.from('deadline_users').where('deadline_id', id).delete()
    if (userIds.length)
      await trx
        .table('deadline_users')
        .multiInsert(userIds.map((userId) => ({ deadline_id: id, user_id: userId })))
  }
  // "On change": a reminder already due for the new state goes out now, not tomorrow.
  await raiseRemindersFor([id], await deadlineClock.today(), trx)
  return id
}

/**
 * Soft delete: the row gets `removed_at` and stays for the record (its reminders
 * already sent keep their history); it is no longer listed or reminded. Upserting
 * the same key again revives it with the new due date. Removing twice is a no-op.
 */
async function remove(key: DeadlineKey, trx?: TransactionClientContract): Promise<void> {
  await (trx ?? db)
    .from('deadlines')
    .where(keyWhere(key))
    .whereNull('removed_at')
    .update({ removed_at: dbNow(), updated_at: dbNow() })
}

export const deadlines = { upsert, remove }
