/*
| The data of an effective form (its CRUD page): lists, reads and writes on
| `form_<code>` with the core data scope — a record belongs to its creator's
| org, and the creator is its owner for "self only" roles. A record out of
| scope is not found.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { escapeLike } from '#core/db/like'
import { camelOf, columnOf, tableOf } from './field_types.js'
import type { FormDefinition, StoredField } from './form_store.js'
import { toColumns, toRecord } from './record_values.js'
import { withFiles } from './form_files.js'

export interface ListInput {
  page?: number
  perPage?: number
  keyword?: string
  sort?: string
  order?: 'asc' | 'desc'
}

const scoped = (form: FormDefinition, access: UserAccess) => {
  const table = tableOf(form.code)
  return applyDataScope(db.from(table), access, {
    orgColumn: `${table}.org_id`,
    ownerColumn: `${table}.created_by`,
  })
}

export async function listRecords(
  form: FormDefinition,
  fields: StoredField[],
  access: UserAccess,
  input: ListInput
) {
  const query = scoped(form, access)
  const texts = fields.filter((f) => f.active && ['text', 'longtext', 'dict'].includes(f.type))
  if (input.keyword && texts.length) {
    const pattern = `%${escapeLike(input.keyword)}%`
    query.where((q) => {
      for (const f of texts) q.orWhereRaw(`?? LIKE ? ESCAPE '!'`, [columnOf(f.code), pattern])
    })
  }
  // Sorting only by a field of the form (by its id), else newest first.
  const sortField = fields.find(
    (f) => camelOf(f.code) === input.sort && !['longtext', 'attachment'].includes(f.type)
  )
  if (sortField) query.orderBy(columnOf(sortField.code), input.order ?? 'asc')
  query.orderBy('id', sortField ? 'asc' : 'desc')
  const page = await query.paginate(input.page ?? 1, input.perPage ?? 20)
  return {
    data: await withFiles(
      fields,
      page.all().map((row) => toRecord(fields, row))
    ),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function findRecord(
  form: FormDefinition,
  fields: StoredField[],
  access: UserAccess,
  id: number
) {
  const row = await scoped(form, access).where('id', id).first()
  return row ? (await withFiles(fields, [toRecord(fields, row)]))[0] : null
}

/** Field ids whose unique value another record already holds. */
export async function uniqueClashes(
  form: FormDefinition,
  fields: StoredField[],
  values: Record<string, unknown>,
  exceptId?: number
) {
  const clashes: string[] = []
  for (const f of fields.filter((x) => x.unique)) {
    const value = values[columnOf(f.code)]
    if (value === null || value === undefined) continue
    const query = db.from(tableOf(form.code)).where(columnOf(f.code), value as any)
    if (exceptId) query.whereNot('id', exceptId)
    if (await query.first()) clashes.push(camelOf(f.code))
  }
  return clashes
}

export async function insertRecord(
  form: FormDefinition,
  fields: StoredField[],
  input: Record<string, unknown>,
  user: { id: number; orgId: number }
) {
  const now = dbNow()
  const [id] = await db.table(tableOf(form.code)).insert({
    ...toColumns(fields, input),
    org_id: user.orgId,
    created_by: user.id,
    created_at: now,
    updated_at: now,
  })
  return Number(id)
}

export async function updateRecord(
  form: FormDefinition,
  fields: StoredField[],
  id: number,
  input: Record<string, unknown>,
  userId: number
) {
  await db
    .from(tableOf(form.code))
    .where('id', id)
    .update({ ...toColumns(fields, input), updated_by: userId, updated_at: dbNow() })
}

export async function deleteRecord(form: FormDefinition, id: number) {
  await db.from(tableOf(form.code)).where('id', id).delete()
}

/** Field ids whose dictionary code, org or user does not exist. */
export async function badReferences(fields: StoredField[], values: Record<string, unknown>) {
  const bad: string[] = []
  for (const f of fields) {
    const value = values[columnOf(f.code)]
    if (value === null || value === undefined) continue
    let found: unknown = true
    if (f.type === 'dict')
      found = await db
        .from('dict_items')
        .where('type_code', f.dictionary!)
        .where('code', value as string)
        .first()
    else if (f.type === 'org')
      found = await db
        .from('orgs')
        .where('id', value as number)
        .first()
    else if (f.type === 'user')
      found = await db
        .from('users')
        .where('id', value as number)
        .first()
    if (!found) bad.push(camelOf(f.code))
  }
  return bad
}
