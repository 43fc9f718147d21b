/*
| Reads the retention parameter through the step's own transaction: the end-of-
| day step holds SQLite's single connection, and `settings.*` may read through
| the pool when its copy is due for a check (docs/architecture.md, "Reads
| inside transactions on SQLite"), which would wait for that connection forever.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export const RETENTION_KEY = 'credit-assets.snapshot.retentionDays'

export async function retentionDaysIn(client: QueryClientContract): Promise<number> {
  const row = await client.from('settings').where('key', RETENTION_KEY).first()
  const text = row ? (row.value ?? row.default_value) : '0'
  const days = Number.parseInt(String(text), 10)
  return Number.isFinite(days) && days > 0 ? days : 0
}
