/*
| By-id reads through the data scope. A row outside the caller's scope is
| answered exactly like a missing one (404), so ids never reveal what exists.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { OrganizationError } from './errors.js'

export async function scopedOrg(access: UserAccess, id: number) {
  const query = db.from('orgs').where('orgs.id', id).select('orgs.*')
  applyDataScope(query, access, { orgColumn: 'orgs.id' })
  const row = await query.first()
  if (!row) throw OrganizationError.notFound()
  return row
}

export async function scopedUser(access: UserAccess, id: number) {
  const query = db.from('users').where('users.id', id).select('users.*')
  applyDataScope(query, access, { orgColumn: 'users.org_id', ownerColumn: 'users.id' })
  const row = await query.first()
  if (!row) throw OrganizationError.notFound()
  return row
}

export async function scopedDepartment(access: UserAccess, id: number) {
  const query = db.from('departments').where('departments.id', id).select('departments.*')
  applyDataScope(query, access, { orgColumn: 'departments.org_id' })
  const row = await query.first()
  if (!row) throw OrganizationError.notFound()
  return row
}

/** Positive integer id from a route parameter; anything else is simply not found. */
export function idParam(value: unknown): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0) throw OrganizationError.notFound()
  return id
}

/** `count(*)` comes back as a number (SQLite) or a string (MySQL). */
export async function countOf(query: any): Promise<number> {
  const row = await query.count('* as n').first()
  return Number(row?.n ?? 0)
}
