/*
| 表单构建 whitelist: the only names and column types a form may have. Every
| identifier that reaches DDL or a query comes out of here, checked against
| these patterns; the knex schema builder quotes it. No SQL text is ever taken
| from the user.
*/
import type { Knex } from 'knex'
import { FIELD_TYPES, type FormFieldType } from './field_type_list.js'

export { FIELD_TYPES, type FormFieldType }

/** A form code: the table is `form_<code>`. */
export const FORM_CODE = /^[a-z][a-z0-9_]{1,30}$/
/**
 * A field code (the column): lower-case words joined by single underscores,
 * each word starting with a letter, so its camelCase id (综合查询, the API) maps
 * back to one column only.
 */
export const FIELD_CODE = /^(?=.{2,31}$)[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*$/
/** Columns every form table has; a field may not take their names. */
export const RESERVED_COLUMNS = new Set([
  'id',
  'org_id',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
])
export const TEXT_DEFAULT_LENGTH = 100
export const TEXT_MAX_LENGTH = 2000

export const tableOf = (formCode: string) => {
  if (!FORM_CODE.test(formCode)) throw new Error(`Bad form code "${formCode}"`)
  return `form_${formCode}`
}

export const columnOf = (fieldCode: string) => {
  if (!FIELD_CODE.test(fieldCode) || RESERVED_COLUMNS.has(fieldCode))
    throw new Error(`Bad field code "${fieldCode}"`)
  return fieldCode
}

/** my_field → myField (query field ids and API properties). */
export const camelOf = (fieldCode: string) =>
  fieldCode.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())

export interface FieldSpec {
  code: string
  labelZh: string
  labelEn: string
  type: FormFieldType
  length?: number | null
  dictionary?: string | null
  required?: boolean
  unique?: boolean
  indexed?: boolean
}

/**
 * Adds the column of one field. Every user column is NULL-able: a field added
 * to a table with rows has no value for them; 必填 is enforced on input.
 */
export function addColumn(table: Knex.CreateTableBuilder | Knex.AlterTableBuilder, f: FieldSpec) {
  const name = columnOf(f.code)
  switch (f.type) {
    case 'text':
      table.string(name, f.length ?? TEXT_DEFAULT_LENGTH).nullable()
      break
    case 'longtext':
      table.text(name).nullable()
      break
    case 'integer':
    case 'money': // fen
      table.bigInteger(name).nullable()
      break
    case 'date':
      table.date(name).nullable()
      break
    case 'dict':
      table.string(name, 64).nullable()
      break
    case 'org':
    case 'user':
    case 'attachment': // form_files.id: the row keeps a reference, never the bytes
      table.integer(name).unsigned().nullable()
      break
  }
}

/** Index names are generated, short and stable: `form_<code>_<field>_<uq|ix>` cut to 60. */
export const indexName = (formCode: string, fieldCode: string, kind: 'uq' | 'ix') =>
  `${tableOf(formCode)}_${fieldCode}_${kind}`.slice(0, 60)

export function addIndexes(
  table: Knex.CreateTableBuilder | Knex.AlterTableBuilder,
  formCode: string,
  f: FieldSpec
) {
  // TEXT columns cannot carry a plain index on MariaDB; the validator refuses that.
  if (f.unique) table.unique([columnOf(f.code)], { indexName: indexName(formCode, f.code, 'uq') })
  else if (f.indexed) table.index([columnOf(f.code)], indexName(formCode, f.code, 'ix'))
}
