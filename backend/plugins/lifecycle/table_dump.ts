/*
| The SQL dump plugins:uninstall writes before it drops a plugin's tables: per table
| its CREATE statement (as the database reports it) and one INSERT per row, values
| quoted by the query builder of the running dialect, rows streamed so a large table
| never sits in memory. Loading the file into an empty database of the same kind
| restores the tables as they were.
*/
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { once } from 'node:events'
import db from '@adonisjs/lucid/services/db'

async function createStatement(table: string): Promise<string> {
  const client = db.connection()
  if (client.dialect.name === 'better-sqlite3' || client.dialect.name === 'sqlite3') {
    const row = await client.from('sqlite_master').where('name', table).select('sql').first()
    return `${row?.sql ?? `-- no CREATE statement for ${table}`};`
  }
  const result = await client.rawQuery(`SHOW CREATE TABLE \`${table}\``)
  return `${result[0][0]['Create Table']};`
}

/** Writes `<dir>/<plugin>-<stamp>.sql`; returns its path and the row count per table. */
export async function dumpTables(dir: string, pluginId: string, tables: string[], stamp: string) {
  await mkdir(dir, { recursive: true })
  const file = join(dir, `${pluginId}-${stamp}.sql`)
  const out = createWriteStream(file, { encoding: 'utf8' })
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  const rows: Record<string, number> = {}
  await write(`-- plugins:uninstall ${pluginId} at ${stamp}: ${tables.length} tables\n`)
  for (const table of tables) {
    rows[table] = 0
    await write(`\n-- ${table}\n${await createStatement(table)}\n`)
    const knex = db.connection().getWriteClient()
    for await (const row of knex.from(table).select('*').stream()) {
      await write(`${knex(table).insert(row).toString()};\n`)
      rows[table]++
    }
  }
  out.end()
  await once(out, 'finish')
  return { file, rows }
}
