/*
| Limitation end dates → the core reminder engine (到期提醒: in-app, e-mail, SMS
| at working-day offsets). The one place that talks to `#core/deadlines`.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { deadlines } from '#core/deadlines/deadline_service'
import { settings } from '#core/settings/settings'

export const DEADLINE_KIND = 'disposal:limitation'
export const OFFSETS_SETTING = 'disposal.limitation.reminderOffsets'
const SOURCE = 'disposal'
const SUBJECT_TYPE = 'ca_loan'

/** 提醒提前量 (working days), from 参数管理; default 30/7/1. */
export async function reminderOffsets(): Promise<number[]> {
  try {
    const value = await settings.json<unknown>(OFFSETS_SETTING)
    if (Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= 0)) return value
  } catch {
    // A malformed value must not stop the recompute: fall back to the default.
  }
  return [30, 7, 1]
}

export interface ReminderPeriod {
  /** `<loanId>:<period key>` */
  subjectId: string
  title: string
  dueDate: string
  rule: string
  userIds?: number[]
  orgId: number
  link: string
}

/** Sets the reminders of one loan: `keep` is upserted, `drop` removed (periods expired or gone). */
export async function syncReminders(
  keep: ReminderPeriod[],
  drop: string[],
  offsets: number[],
  trx?: TransactionClientContract
): Promise<void> {
  for (const p of keep)
    await deadlines.upsert(
      { source: SOURCE, kind: DEADLINE_KIND, subjectType: SUBJECT_TYPE, offsets, ...p },
      trx
    )
  for (const subjectId of drop)
    await deadlines.remove(
      { source: SOURCE, kind: DEADLINE_KIND, subjectType: SUBJECT_TYPE, subjectId },
      trx
    )
}
