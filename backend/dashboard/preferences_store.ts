/*
| dashboard_preferences: one row per user with their layout and shortcuts as
| JSON text. Only the user themselves writes their row.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'

const TABLE = 'dashboard_preferences'
export type PreferenceColumn = 'layout_json' | 'shortcuts_json'

export async function readPreference<T>(
  userId: number,
  column: PreferenceColumn
): Promise<T | null> {
  const row = await db.from(TABLE).where('user_id', userId).select(column).first()
  const text = row?.[column]
  if (!text) return null
  try {
    return JSON.parse(String(text)) as T
  } catch {
    return null // a damaged row falls back to the default rather than breaking the home page
  }
}

/** Writes one column (null = back to the default), creating the row when needed. */
export async function writePreference(userId: number, column: PreferenceColumn, value: unknown) {
  const text = value === null ? null : JSON.stringify(value)
  await db.transaction(async (trx) => {
    const updated = await trx
      .from(TABLE)
      .where('user_id', userId)
      .update({ [column]: text, updated_at: dbNow() })
    if (!Number(Array.isArray(updated) ? updated[0] : updated))
      await trx.table(TABLE).insert({ user_id: userId, [column]: text, updated_at: dbNow() })
  })
}
