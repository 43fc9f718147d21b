/*
| Rows a raw write (INSERT … SELECT, UPDATE) touched, from the driver's answer to
| `rawQuery`: mysql2 gives `[ResultSetHeader, fields]`, better-sqlite3 `{ changes }`.
| Set-based writers read it instead of counting the table before and after —
| two extra reads of every row on a 50 000-loan batch.
*/
export function affectedRows(result: unknown): number {
  if (Array.isArray(result)) return Number(result[0]?.affectedRows ?? 0)
  const r = result as { changes?: unknown; affectedRows?: unknown } | null
  return Number(r?.changes ?? r?.affectedRows ?? 0)
}
