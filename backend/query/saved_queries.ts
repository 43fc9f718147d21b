/*
| Saved queries (我的查询): private to their owner, or shared with one role. A
| shared query is read-only for the role's members; only the owner changes or
| deletes it. Sharing needs `system:query:share`. The stored definition is
| compiled (catalogue-checked) before it is saved and again at every run.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { compileQuery } from './compile_query.js'
import { QueryError } from './query_error.js'
import type { QuerySpec } from './query_spec.js'

export const SHARE_PERMISSION = 'system:query:share'

export interface SavedQueryInput {
  name: string
  description?: string | null
  visibility: 'private' | 'role'
  roleId?: number | null
  query: QuerySpec
}

/** Rows the user may read: their own, and those shared with one of their roles. */
function readable(access: UserAccess) {
  const roleIds = access.roles.map((r) => r.id)
  return db.from('query_saved').where((q) => {
    q.where('owner_id', access.user.id)
    if (roleIds.length) q.orWhere((s) => s.where('visibility', 'role').whereIn('role_id', roleIds))
  })
}

function present(row: any, access: UserAccess, roleNames: Map<number, string>) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    dataset: row.dataset,
    visibility: row.visibility,
    roleId: row.role_id,
    roleName: row.role_id ? (roleNames.get(row.role_id) ?? null) : null,
    mine: row.owner_id === access.user.id,
    ownerId: row.owner_id,
    query: JSON.parse(row.definition_json) as QuerySpec,
    updatedAt: row.updated_at,
  }
}

async function roleNameMap(ids: number[]) {
  if (!ids.length) return new Map<number, string>()
  const rows = await db.from('roles').whereIn('id', ids).select('id', 'name')
  return new Map(rows.map((r) => [r.id as number, r.name as string]))
}

export async function listSaved(access: UserAccess, dataset?: string) {
  const query = readable(access).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(500)
  if (dataset) query.where('dataset', dataset)
  const rows = await query
  const names = await roleNameMap([...new Set(rows.map((r) => r.role_id).filter(Boolean))])
  return rows.map((r) => present(r, access, names))
}

export async function showSaved(access: UserAccess, id: number) {
  const row = await readable(access).where('id', id).first()
  if (!row) throw new QueryError('http.notFound', null, 404)
  return present(row, access, await roleNameMap(row.role_id ? [row.role_id] : []))
}

/**
 * Roles a query may be shared with: the sharer's own (their team sees what
 * they see fit to share), or any active role for the system administrator.
 */
export async function shareRoleOptions(access: UserAccess) {
  const query = db.from('roles').where('status', 'active').orderBy('sort').orderBy('id')
  if (!access.isSuperAdmin)
    query.whereIn(
      'id',
      access.roles.map((r) => r.id)
    )
  const rows = await query.select('id', 'code', 'name')
  return rows.map((r) => ({ id: r.id as number, code: r.code as string, name: r.name as string }))
}

async function checkInput(access: UserAccess, input: SavedQueryInput) {
  await compileQuery(access, input.query)
  if (input.visibility === 'role') {
    if (!access.can(SHARE_PERMISSION))
      throw new QueryError('query.shareForbidden', 'visibility', 403)
    if (!input.roleId) throw new QueryError('query.roleRequired', 'roleId')
    const options = await shareRoleOptions(access)
    if (!options.some((r) => r.id === input.roleId))
      throw new QueryError('query.unknownRole', 'roleId')
  }
}

const columnsOf = (input: SavedQueryInput) => ({
  name: input.name,
  description: input.description ?? null,
  dataset: input.query.dataset,
  definition_json: JSON.stringify(input.query),
  visibility: input.visibility,
  role_id: input.visibility === 'role' ? input.roleId! : null,
})

export async function createSaved(access: UserAccess, input: SavedQueryInput) {
  await checkInput(access, input)
  const now = dbNow()
  const [id] = await db.table('query_saved').insert({
    ...columnsOf(input),
    owner_id: access.user.id,
    org_id: access.user.orgId,
    created_at: now,
    updated_at: now,
  })
  return { id: Number(id), after: columnsOf(input) }
}

async function ownRow(access: UserAccess, id: number) {
  const row = await readable(access).where('id', id).first()
  if (!row) throw new QueryError('http.notFound', null, 404)
  if (row.owner_id !== access.user.id) throw new QueryError('query.notOwner', null, 403)
  return row
}

export async function updateSaved(access: UserAccess, id: number, input: SavedQueryInput) {
  const before = await ownRow(access, id)
  await checkInput(access, input)
  const after = columnsOf(input)
  await db
    .from('query_saved')
    .where('id', id)
    .update({ ...after, updated_at: dbNow() })
  return { before, after }
}

export async function deleteSaved(access: UserAccess, id: number) {
  const before = await ownRow(access, id)
  await db.from('query_saved').where('id', id).delete()
  return { before }
}
