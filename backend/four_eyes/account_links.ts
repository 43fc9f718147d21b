/*
| Which accounts a maker created or changed (account_changes). The checker of
| a four-eyes change may be neither the maker nor an account the maker created
| or changed within the review window (parameter
| `system.fourEyes.reviewWindowDays`, default 90): otherwise one administrator
| makes a second account and approves their own change with it.
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'

/** Notes that `changedBy` created or changed the account `userId` (in the caller's transaction). */
export async function noteAccountChange(
  client: QueryClientContract,
  userId: number,
  changedBy: number | null | undefined,
  kind: string
) {
  if (!changedBy || changedBy === userId) return
  await client
    .table('account_changes')
    .insert({ user_id: userId, changed_by: changedBy, kind, changed_at: dbNow() })
}

async function windowDays() {
  const days = await settings.integer('system.fourEyes.reviewWindowDays').catch(() => 90)
  return Math.max(0, days)
}

/** The maker created or changed the checker's account within the review window. */
export async function madeByMaker(checkerId: number, makerId: number): Promise<boolean> {
  const since = DateTime.now()
    .minus({ days: await windowDays() })
    .toFormat('yyyy-MM-dd HH:mm:ss')
  const row = await db
    .from('account_changes')
    .where('user_id', checkerId)
    .where('changed_by', makerId)
    .where('changed_at', '>=', since)
    .first()
  return Boolean(row)
}
