/*
| 参数: typed reads of business and technical parameters. Values come from the
| versioned settings cache: no query per call, and a change made on any app
| node is seen by every node at once (Redis) or within seconds (safety net).
| Change values through backend/settings/update_setting.ts, which tells the
| cache; a direct UPDATE of `settings` is not seen until the next change.
*/
import { settingsCache } from './settings_cache.js'

async function raw(key: string): Promise<string> {
  let entry = (await settingsCache.get()).get(key)
  if (!entry) {
    // A key this node has not seen may have arrived with a plugin sync a moment ago.
    settingsCache.invalidate()
    entry = (await settingsCache.get()).get(key)
  }
  if (!entry) throw new Error(`Unknown parameter "${key}"`)
  return entry.value ?? entry.defaultValue
}

export const settings = {
  raw,
  async string(key: string) {
    return raw(key)
  },
  /** Whole numbers only; decimal parameters are read with `raw` and decimal.js. */
  async integer(key: string) {
    const value = await raw(key)
    if (!/^-?\d+$/.test(value))
      throw new Error(`Parameter "${key}" is not a whole number: "${value}"`)
    return Number(value)
  },
  async boolean(key: string) {
    return (await raw(key)) === 'true'
  },
  async json<T = unknown>(key: string): Promise<T> {
    return JSON.parse(await raw(key)) as T
  },
}
