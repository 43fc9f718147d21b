/*
| Database errors the code answers rather than throws. A unique key refusing a
| second row is how "stored once" is enforced under concurrency (a fetch run
| twice at once, a retried sync): the loser catches it and counts the row as
| already there. MariaDB/MySQL say ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE.
*/
export function isDuplicateKey(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '')
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT')
}
