/*
| Test-data factories for the bank's people: orgs, roles (with a data scope and
| permissions) and users. Each has sensible defaults and takes overrides, so a
| spec names only what its rule is about:
|
|   const org = await makeOrg()                                   // a fresh 支行 under 总行
|   const role = await makeRole({ permissions: ['system:user:list'], scope: 'custom', orgs: ['000000'] })
|   const clerk = await makeUser({ permissions: [HANDLE], scope: 'org', org })
|   await grantRole(clerk, role)                                  // a second role
|   await grantRole(clerk, 'admin')                               // an existing role by code
|   await grantPermission(clerk, 'system:org:list')               // on the user's own role
|
| Rows go through `db`, so inside the spec's `withGlobalTransaction()` they are rolled
| back with it. A spec that commits (no transaction) removes what it made with
| `group.each.teardown(removeMade)`: the data-scope specs count every user, so nothing
| a factory commits may outlive its test.
*/
import db from '@adonisjs/lucid/services/db'
import User from '#core/identity/user'
import type { DataScope } from '#core/identity/role'
import { dbNow } from '#core/db/db_time'

let counter = 0
/** pid + counter: unique across the suite's processes and within one. */
const nextSuffix = () => `${process.pid}_${++counter}`

/** What the factories inserted, newest last, for removeMade. */
const made = { orgs: [] as number[], roles: [] as number[], users: [] as number[] }

/** An org by code, by id, or as a factory returned it. */
export type OrgRef = string | number | { id: number }
/** A role by code, or as makeRole returned it. */
export type RoleRef = string | { id: number }
/** A user as makeUser / userWith / the shared book returns them. */
export type UserRef = { id: number } | { user: { id: number } }

export async function orgIdOf(org: OrgRef): Promise<number> {
  if (typeof org === 'number') return org
  if (typeof org === 'object') return org.id
  return Number((await db.from('orgs').where('code', org).firstOrFail()).id)
}

async function roleIdOf(role: RoleRef): Promise<number> {
  if (typeof role === 'object') return role.id
  const row = await db.from('roles').where('code', role).first()
  if (!row) throw new Error(`no role "${role}"`)
  return Number(row.id)
}

const userIdOf = (user: UserRef) => ('user' in user ? user.user.id : user.id)

export interface OrgOptions {
  /** Default 总行 (000000). */
  parent?: OrgRef
  code?: string
  name?: string
  /** Default: one below the parent. */
  level?: number
  sort?: number
  status?: 'active' | 'disabled'
}

/** A fresh org (default a 支行 under 总行, so no demo user sits in it). */
export async function makeOrg(options: OrgOptions = {}) {
  const parent = await db
    .from('orgs')
    .where('id', await orgIdOf(options.parent ?? '000000'))
    .firstOrFail()
  const suffix = nextSuffix()
  const code = options.code ?? `T${suffix}`.slice(0, 20)
  const name = options.name ?? `测试机构${suffix}`
  const now = dbNow()
  const [id] = await db.table('orgs').insert({
    code,
    name,
    parent_id: parent.id,
    level: options.level ?? Number(parent.level) + 1,
    // The path holds the org's own id, known only after the insert.
    path: 'pending',
    sort: options.sort ?? 99,
    status: options.status ?? 'active',
    created_at: now,
    updated_at: now,
  })
  const path = `${parent.path}${id}/`
  await db.from('orgs').where('id', id).update({ path })
  made.orgs.push(Number(id))
  return { id: Number(id), code, name, path }
}

export interface RoleOptions {
  permissions?: string[]
  /** Default 'all'. */
  scope?: DataScope
  /** The orgs of a 'custom' scope. */
  orgs?: OrgRef[]
  code?: string
  name?: string
  sort?: number
  status?: 'active' | 'disabled'
}

/** A fresh role holding `permissions` over `scope`. */
export async function makeRole(options: RoleOptions = {}) {
  const suffix = nextSuffix()
  const code = options.code ?? `test_role_${suffix}`
  const now = dbNow()
  const [id] = await db.table('roles').insert({
    code,
    name: options.name ?? `测试角色${suffix}`,
    data_scope: options.scope ?? 'all',
    sort: options.sort ?? 99,
    status: options.status ?? 'active',
    created_at: now,
    updated_at: now,
  })
  made.roles.push(Number(id))
  const permissions = options.permissions ?? []
  if (permissions.length)
    await db
      .table('role_permissions')
      .multiInsert(permissions.map((permission) => ({ role_id: id, permission })))
  for (const org of options.orgs ?? [])
    await db.table('role_orgs').insert({ role_id: id, org_id: await orgIdOf(org) })
  return { id: Number(id), code }
}

export interface UserOptions {
  /** The permissions of the user's own fresh role. */
  permissions?: string[]
  /** The data scope of that role (default 'all'). */
  scope?: DataScope
  /** The orgs of a 'custom' scope. */
  scopeOrgs?: OrgRef[]
  /** The user's org (default 总行). */
  org?: OrgRef
  /** Further roles, existing (by code) or made. */
  roles?: RoleRef[]
  username?: string
  realName?: string
}

/**
 * A fresh active user with a fresh role of their own (`roleId`), any further
 * `roles`, and a bearer token (created directly, no password hashing).
 * Usernames start with `test_user_` unless given: the data-scope specs leave those out.
 */
export async function makeUser(options: UserOptions = {}) {
  // One suffix names the user and their own role alike, so a failure's rows are easy to pair.
  const suffix = nextSuffix()
  const role = await makeRole({
    permissions: options.permissions,
    scope: options.scope,
    orgs: options.scopeOrgs,
    code: `test_role_${suffix}`,
    name: `测试角色${suffix}`,
  })
  const user = await User.create({
    username: options.username ?? `test_user_${suffix}`,
    password: 'unused-in-tests',
    realName: options.realName ?? `测试用户${suffix}`,
    orgId: await orgIdOf(options.org ?? '000000'),
    status: 'active',
    mustChangePassword: false,
    failedLogins: 0,
    locale: 'zh-CN',
  })
  made.users.push(user.id)
  for (const extra of [role, ...(options.roles ?? [])]) await grantRole(user, extra)
  const token = await User.accessTokens.create(user)
  return { user, token: token.value!.release(), roleId: role.id }
}

/** Gives a user one more role (existing by code, or made). */
export async function grantRole(user: UserRef, role: RoleRef) {
  await db.table('user_roles').insert({ user_id: userIdOf(user), role_id: await roleIdOf(role) })
}

/** Adds a permission to the user's own role (makeUser / userWith return its `roleId`). */
export async function grantPermission(user: { roleId: number }, permission: string) {
  await db.table('role_permissions').insert({ role_id: user.roleId, permission })
}

/**
 * Deletes every user, role and org the factories made (tokens, grants and a
 * role's permissions and orgs go with them by cascade). For specs that commit;
 * inside a rolled-back transaction the rows are already gone and this is a no-op.
 */
export async function removeMade() {
  const users = made.users.splice(0)
  const roles = made.roles.splice(0)
  const orgs = made.orgs.splice(0).reverse()
  const kept: string[] = []
  // Row by row: one the spec's own committed rows still name (an approval it applied
  // for, say) is reported, and the others still go.
  const remove = async (table: string, id: number) => {
    try {
      await db.from(table).where('id', id).delete()
    } catch (error) {
      kept.push(`${table}#${id}: ${(error as Error).message}`)
    }
  }
  for (const id of users) await remove('users', id)
  for (const id of roles) await remove('roles', id)
  // Children before parents: the org tree's parent_id has no cascade.
  for (const id of orgs) await remove('orgs', id)
  if (kept.length) throw new Error(`removeMade: rows still referenced\n${kept.join('\n')}`)
}
