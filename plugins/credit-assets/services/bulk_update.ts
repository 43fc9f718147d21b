/*
| Many rows, each with its own new values, in a few statements: UPDATE … SET
| col = CASE id WHEN ? THEN ? … ELSE col END WHERE id IN (…). Plain SQL both
| MySQL/MariaDB and SQLite run; a daily feed touching tens of thousands of
| loans makes a statement per 400 rows instead of one per row. Column names
| come from code, never from input.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

const CHUNK = 400

export async function updateRowsById(
  client: QueryClientContract,
  table: string,
  rows: Array<{ id: number; values: Record<string, unknown> }>,
  /** Set on every updated row (e.g. updated_at). */
  common: Record<string, unknown> = {}
) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const columns = [...new Set(chunk.flatMap((r) => Object.keys(r.values)))]
    if (!columns.length) continue
    const sets: string[] = []
    const bindings: unknown[] = []
    for (const column of columns) {
      const having = chunk.filter((r) => column in r.values)
      sets.push(
        `${column} = CASE id ${having.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${column} END`
      )
      for (const r of having) bindings.push(r.id, r.values[column])
    }
    for (const [column, value] of Object.entries(common)) {
      sets.push(`${column} = ?`)
      bindings.push(value)
    }
    bindings.push(...chunk.map((r) => r.id))
    await client.rawQuery(
      `UPDATE ${table} SET ${sets.join(', ')} WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      bindings as any[]
    )
  }
}
