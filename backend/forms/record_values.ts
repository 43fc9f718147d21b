/*
| A form record's values: the validator built from the effective field set
| (cached per form version), and the conversion between API values (camelCase
| ids, money as yuan text) and columns (field codes, money in fen).
*/
import vine from '@vinejs/vine'
import { Money } from '#core/money/money'
import { money } from '#core/money/money_rule'
import { calendarDate } from '#core/validation/dates'
import { camelOf, columnOf, TEXT_DEFAULT_LENGTH } from './field_types.js'
import type { StoredField } from './form_store.js'

const MAX_INTEGER = Number.MAX_SAFE_INTEGER

function ruleOf(f: StoredField) {
  switch (f.type) {
    case 'text':
      return vine
        .string()
        .trim()
        .maxLength(f.length ?? TEXT_DEFAULT_LENGTH)
    case 'longtext':
      return vine.string().trim().maxLength(20000)
    case 'integer':
      return vine.number().withoutDecimals().range([-MAX_INTEGER, MAX_INTEGER])
    case 'money':
      return vine
        .string()
        .trim()
        .use(money({ min: '-999999999999.99', max: '999999999999.99' }))
    case 'date':
      return vine.string().trim().use(calendarDate())
    case 'dict':
      return vine.string().trim().maxLength(64)
    case 'org':
    case 'user':
      return vine.number().withoutDecimals().range([1, 2147483647])
    case 'attachment':
      // The id of an uploaded file (a record's { id, fileName } is reduced to it: fileRefToId).
      return vine.number().withoutDecimals().range([1, 2147483647])
  }
}

/**
 * The page sends a record back as it got it: an attachment as its file
 * ({ id, fileName, size, contentType }). Only the id counts; anything else is
 * left for the validator to refuse.
 */
export function fileRefToId(value: unknown) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { id, ...rest } = value as Record<string, unknown>
    const known = ['fileName', 'size', 'contentType']
    if (typeof id === 'number' && Object.keys(rest).every((k) => known.includes(k))) return id
  }
  return value
}

const cache = new Map<string, ReturnType<typeof build>>()

function build(fields: StoredField[]) {
  const shape: Record<string, any> = {}
  for (const f of fields) {
    const rule = ruleOf(f)
    shape[camelOf(f.code)] = f.required ? rule : rule.nullable().optional()
  }
  return vine.compile(vine.object(shape))
}

/** The validator of a form version's active fields. */
export function recordValidator(formId: number, version: number, fields: StoredField[]) {
  const key = `${formId}:${version}`
  let validator = cache.get(key)
  if (!validator) cache.set(key, (validator = build(fields)))
  return validator
}

/** Validated API values → column values. */
export function toColumns(fields: StoredField[], input: Record<string, unknown>) {
  const row: Record<string, unknown> = {}
  for (const f of fields) {
    const value = input[camelOf(f.code)]
    if (value === undefined || value === null || value === '') row[columnOf(f.code)] = null
    else if (f.type === 'money') row[columnOf(f.code)] = Money.fromYuan(String(value)).toFen()
    else row[columnOf(f.code)] = value
  }
  return row
}

const dateText = (value: unknown) =>
  value instanceof Date
    ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
    : String(value).slice(0, 10)

/** A row → the API record (every field of the version, active or not). */
export function toRecord(fields: StoredField[], row: Record<string, any>) {
  const record: Record<string, unknown> = {
    id: Number(row.id),
    orgId: Number(row.org_id),
    createdBy: Number(row.created_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
  for (const f of fields) {
    const value = row[f.code]
    const id = camelOf(f.code)
    if (value === null || value === undefined) record[id] = null
    else if (f.type === 'money') record[id] = Money.fromFen(String(value)).toYuan()
    else if (f.type === 'date') record[id] = dateText(value)
    // attachment: the file id here; form_files.withFiles turns it into the file's name and size.
    else if (['integer', 'org', 'user', 'attachment'].includes(f.type)) record[id] = Number(value)
    else record[id] = value
  }
  return record
}
