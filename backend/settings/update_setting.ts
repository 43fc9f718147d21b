/*
| Changing a parameter (参数管理). Every change goes through here so that:
| - the value is checked against its type and stored canonically;
| - a frozen parameter (冻结) cannot change until it is unfrozen — freezing is
|   how operations pins a value during an incident or an audit period;
| - the settings cache is told, so every app node uses the new value at once.
| Auditing is the caller's (it has the HttpContext); the results carry before/after.
| Freezing is a four-eyes change kind (freeze_change.ts).
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { checkSettingValue } from './validate_setting.js'
import { settingsCache } from './settings_cache.js'

export interface SettingRow {
  key: string
  source: string
  name_zh: string
  name_en: string
  type: string
  default_value: string
  value: string | null
  frozen: number | boolean
  category: string | null
}

export type ChangeResult =
  | { status: 'notFound' }
  | { status: 'frozen'; setting: SettingRow }
  | { status: 'invalid'; setting: SettingRow; message: string; data?: Record<string, unknown> }
  | { status: 'ok'; setting: SettingRow; before: string | null; after: string | null }

export const isFrozen = (row: { frozen: number | boolean }) => Boolean(Number(row.frozen))

async function activeSetting(key: string): Promise<SettingRow | null> {
  return db.from('settings').where('key', key).where('active', true).first()
}

/** Sets a value; `null` returns the parameter to its declared default. */
export async function changeSettingValue(
  key: string,
  input: string | null,
  userId: number | null
): Promise<ChangeResult> {
  const setting = await activeSetting(key)
  if (!setting) return { status: 'notFound' }
  if (isFrozen(setting)) return { status: 'frozen', setting }
  let value: string | null = null
  if (input !== null) {
    const check = checkSettingValue(setting.type, input, setting.default_value)
    if (!check.ok) return { status: 'invalid', setting, message: check.message, data: check.data }
    value = check.value
  }
  // `frozen = false` in the UPDATE itself: a freeze that lands between the read
  // above and this write still wins, on MySQL and SQLite alike, without a lock.
  const updated = await db
    .from('settings')
    .where('key', key)
    .where('frozen', false)
    .update({ value, updated_by: userId, updated_at: dbNow() })
  if (!Number(Array.isArray(updated) ? updated[0] : updated)) {
    return { status: 'frozen', setting: { ...setting, frozen: true } }
  }
  await settingsCache.changed()
  return { status: 'ok', setting: { ...setting, value }, before: setting.value, after: value }
}

/**
 * 冻结 / 解冻. Runs inside the four-eyes transaction when the kind
 * `setting.frozen` needs a second administrator (freeze_change.ts), hence `client`.
 */
export async function setSettingFrozen(
  key: string,
  frozen: boolean,
  userId: number | null,
  client: QueryClientContract | TransactionClientContract = db.connection()
): Promise<{ status: 'notFound' } | { status: 'ok'; setting: SettingRow; before: boolean }> {
  const setting: SettingRow | null = await client
    .from('settings')
    .where('key', key)
    .where('active', true)
    .first()
  if (!setting) return { status: 'notFound' }
  const before = isFrozen(setting)
  if (before !== frozen) {
    await client
      .from('settings')
      .where('key', key)
      .update({ frozen, updated_by: userId, updated_at: dbNow() })
  }
  return { status: 'ok', setting: { ...setting, frozen }, before }
}
