/*
| 参数: typed reads of business and technical parameters. Values are read from
| the database on each call (a primary-key lookup), so a change made on one app
| node takes effect on every node at once.
*/
import db from '@adonisjs/lucid/services/db'

async function raw(key: string): Promise<string> {
  const row = await db.from('settings').where('key', key).where('active', true).first()
  if (!row) throw new Error(`Unknown parameter "${key}"`)
  return row.value ?? row.default_value
}

export const settings = {
  raw,
  async string(key: string) {
    return raw(key)
  },
  /** Whole numbers only; decimal parameters are read with `raw` and decimal.js. */
  async integer(key: string) {
    const value = await raw(key)
    if (!/^-?\d+$/.test(value)) throw new Error(`Parameter "${key}" is not a whole number: "${value}"`)
    return Number(value)
  },
  async boolean(key: string) {
    return (await raw(key)) === 'true'
  },
  async json<T = unknown>(key: string): Promise<T> {
    return JSON.parse(await raw(key)) as T
  },
}
