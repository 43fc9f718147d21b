/* Reads and checks behind 角色管理: one role, its codes, its orgs, and the row shape the API returns. */
import db from '@adonisjs/lucid/services/db'
import type { DataScope } from '#core/identity/role'
import { SUPER_ADMIN_ROLE } from '#core/identity/user_access'
import { OrganizationError, type Problem } from './errors.js'

export async function findRole(id: number) {
  const row = await db.from('roles').where('id', id).first()
  if (!row) throw OrganizationError.notFound()
  return row
}

export function notBuiltIn(role: { code: string }) {
  if (role.code === SUPER_ADMIN_ROLE) throw OrganizationError.blocked('organization.role.builtIn')
}

export async function codesOf(roleId: number) {
  return (await db.from('role_permissions').where('role_id', roleId).select('permission'))
    .map((r) => r.permission as string)
    .sort()
}

/** Codes of a disabled plugin: they sleep, so the editor (which shows active codes) never drops them. */
export async function sleepingCodesOf(roleId: number) {
  return (
    await db
      .from('role_permissions')
      .join('permissions', 'permissions.code', 'role_permissions.permission')
      .where('role_permissions.role_id', roleId)
      .where('permissions.active', false)
      .select('role_permissions.permission')
  ).map((r) => r.permission as string)
}

export async function orgIdsOf(roleId: number) {
  return (await db.from('role_orgs').where('role_id', roleId).select('org_id'))
    .map((r) => Number(r.org_id))
    .sort((a, b) => a - b)
}

/** A custom scope needs at least one existing org; other scopes carry no list. */
export async function scopeProblems(dataScope: DataScope, orgIds: number[]): Promise<Problem[]> {
  if (dataScope !== 'custom') return []
  if (!orgIds.length) {
    return [{ field: 'orgIds', rule: 'required', key: 'organization.role.customNeedsOrgs' }]
  }
  const found = new Set(
    (await db.from('orgs').whereIn('id', orgIds).select('id')).map((r) => Number(r.id))
  )
  const unknown = orgIds.filter((id) => !found.has(id))
  return unknown.length
    ? [
        {
          field: 'orgIds',
          rule: 'exists',
          key: 'organization.role.unknownOrgs',
          data: { ids: unknown.join(', ') },
        },
      ]
    : []
}

export const toRole = (r: any) => ({
  id: Number(r.id),
  code: r.code,
  name: r.name,
  dataScope: r.data_scope as DataScope,
  sort: Number(r.sort),
  status: r.status,
  remark: r.remark,
  builtIn: r.code === SUPER_ADMIN_ROLE,
  createdAt: r.created_at,
})
