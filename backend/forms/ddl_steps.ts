/*
| Running a change's steps so that a run that stopped half-way (MariaDB
| commits each DDL statement by itself) can be run again: before each step the
| database is asked whether the step's object is already there — absent: run
| it; there with the expected shape: skip it (applied by an earlier run);
| there with another shape: stop, an administrator must look (never guessed).
| Names come from the whitelisted, validated script; catalogue queries bind
| them as values.
*/
import db from '@adonisjs/lucid/services/db'
import type { Dialect, StepCheck } from './ddl_script.js'
import type { FormFieldType } from './field_types.js'

export type StepState = 'absent' | 'present' | 'conflict'

/** Column type families per dialect, as the knex builder writes them (field_types.ts addColumn). */
const MYSQL_TYPES: Record<FormFieldType, string> = {
  text: 'varchar',
  longtext: 'text',
  integer: 'bigint',
  money: 'bigint',
  date: 'date',
  dict: 'varchar',
  org: 'int',
  user: 'int',
  attachment: 'int',
}
const COLUMN_TYPE: Record<Dialect, Record<FormFieldType, string>> = {
  mysql: MYSQL_TYPES,
  // SQLite names an unsigned INT column `integer`.
  sqlite: { ...MYSQL_TYPES, org: 'integer', user: 'integer', attachment: 'integer' },
}

interface ColumnShape {
  type: string
  length: number | null
}

const rowsOf = (result: any): any[] => (Array.isArray(result?.[0]) ? result[0] : result) ?? []

async function columnShape(dialect: Dialect, table: string, column: string) {
  if (dialect === 'mysql') {
    const rows = rowsOf(
      await db.rawQuery(
        `SELECT DATA_TYPE AS t, CHARACTER_MAXIMUM_LENGTH AS l FROM information_schema.columns
          WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?`,
        [table, column]
      )
    )
    if (!rows.length) return null
    return {
      type: String(rows[0].t).toLowerCase(),
      length: rows[0].l === null ? null : Number(rows[0].l),
    }
  }
  const rows = rowsOf(await db.rawQuery(`SELECT name, type FROM pragma_table_info(?)`, [table]))
  const row = rows.find((r: any) => r.name === column)
  if (!row) return null
  const [, type, length] = /^(\w+)(?:\((\d+)\))?/.exec(String(row.type).toLowerCase()) ?? []
  return { type: type ?? '', length: length ? Number(length) : null } satisfies ColumnShape
}

async function indexShape(dialect: Dialect, table: string, name: string) {
  if (dialect === 'mysql') {
    const rows = rowsOf(
      await db.rawQuery(
        `SELECT COLUMN_NAME AS c, NON_UNIQUE AS n FROM information_schema.statistics
          WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? ORDER BY SEQ_IN_INDEX`,
        [table, name]
      )
    )
    if (!rows.length) return null
    return { columns: rows.map((r: any) => String(r.c)), unique: Number(rows[0].n) === 0 }
  }
  const list = rowsOf(
    await db.rawQuery(`SELECT name, "unique" AS u FROM pragma_index_list(?)`, [table])
  )
  const index = list.find((r: any) => r.name === name)
  if (!index) return null
  const columns = rowsOf(await db.rawQuery(`SELECT name FROM pragma_index_info(?)`, [name]))
  return { columns: columns.map((r: any) => String(r.name)), unique: Number(index.u) === 1 }
}

async function tableExists(dialect: Dialect, table: string) {
  const rows = rowsOf(
    dialect === 'mysql'
      ? await db.rawQuery(
          `SELECT 1 AS x FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?`,
          [table]
        )
      : await db.rawQuery(`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?`, [
          table,
        ])
  )
  return rows.length > 0
}

/** Whether the step's object is missing, already there as the step makes it, or there otherwise. */
export async function stateOf(dialect: Dialect, check: StepCheck): Promise<StepState> {
  if (check.kind === 'table')
    return (await tableExists(dialect, check.table)) ? 'present' : 'absent'
  if (check.kind === 'index') {
    const index = await indexShape(dialect, check.table, check.name)
    if (!index) return 'absent'
    const same = index.unique === check.unique && index.columns.join() === check.column
    return same ? 'present' : 'conflict'
  }
  const column = await columnShape(dialect, check.table, check.column)
  if (check.kind === 'length') {
    if (!column || column.type !== 'varchar') return 'conflict'
    return (column.length ?? 0) >= check.length ? 'present' : 'absent'
  }
  if (!column) return 'absent'
  const sameType = column.type === COLUMN_TYPE[dialect][check.type]
  // A text column an earlier step of this change may have widened counts as there.
  const sameLength = check.length === null || (column.length ?? 0) >= check.length
  return sameType && sameLength ? 'present' : 'conflict'
}
