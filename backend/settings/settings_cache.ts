/*
| Every active parameter in memory on each app node; a change made on one node
| reaches the others through the versioned cache (backend/cache), so a reader
| never queries per call and still sees a change at once.
*/
import db from '@adonisjs/lucid/services/db'
import { appCache } from '#core/cache/app_caches'

export interface CachedSetting {
  key: string
  type: string
  value: string | null
  defaultValue: string
}

export const settingsCache = appCache<Map<string, CachedSetting>>('settings', async () => {
  const rows = await db
    .from('settings')
    .where('active', true)
    .select('key', 'type', 'value', 'default_value')
  return new Map(
    rows.map((r) => [
      r.key as string,
      { key: r.key, type: r.type, value: r.value, defaultValue: r.default_value },
    ])
  )
})
