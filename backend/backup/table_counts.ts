/*
| Rows per table: written into a backup's manifest and compared after a restore,
| so a restore that lost a table (or its rows) says so instead of succeeding.
| The counts are taken right after the dump: on a quiet system they are the
| dump's; tables written while a busy system was dumped may differ, and the
| restore reports those as differences to look at, not as a failure.
*/
import Database from 'better-sqlite3'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export type TableCounts = Record<string, number>

export async function countTables(client: QueryClientContract): Promise<TableCounts> {
  const names =
    client.dialect.name === 'better-sqlite3' || client.dialect.name === 'sqlite3'
      ? (
          await client.rawQuery(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
          )
        ).map((r: any) => r.name as string)
      : (
          await client.rawQuery(
            "select table_name as name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE' order by table_name"
          )
        )[0].map((r: any) => r.name as string)
  const counts: TableCounts = {}
  // Names come from the catalogue, never from input; quoted all the same.
  for (const name of names)
    counts[name] = Number((await client.from(name).count('* as n').first())?.n ?? 0)
  return counts
}

export function countSqliteFile(file: string): TableCounts {
  const handle = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const names = handle
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
      )
      .all() as { name: string }[]
    const counts: TableCounts = {}
    for (const { name } of names)
      counts[name] = (
        handle.prepare(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get() as {
          n: number
        }
      ).n
    return counts
  } finally {
    handle.close()
  }
}

/** Tables whose count differs, or that exist on one side only. */
export function compareCounts(expected: TableCounts, actual: TableCounts) {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)])
  return [...names]
    .filter((name) => expected[name] !== actual[name])
    .map((name) => ({
      table: name,
      expected: expected[name] ?? null,
      actual: actual[name] ?? null,
    }))
}
