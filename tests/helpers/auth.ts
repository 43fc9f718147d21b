/*
| Test DSL for identities: `tokenFor('admin')` signs in a demo user;
| `userWith({ permissions, dataScope, orgCode })` makes a fresh role and user.
| Tokens are created directly (no password hashing), inside the test's transaction.
*/
import db from '@adonisjs/lucid/services/db'
import User from '#core/identity/user'
import type { DataScope } from '#core/identity/role'
import { dbNow } from '#core/db/db_time'

let counter = 0

export async function tokenFor(username: string): Promise<string> {
  const user = await User.findByOrFail('username', username)
  const token = await User.accessTokens.create(user)
  return token.value!.release()
}

export async function orgId(code: string): Promise<number> {
  const org = await db.from('orgs').where('code', code).firstOrFail()
  return org.id
}

export async function userWith(options: {
  permissions: string[]
  dataScope?: DataScope
  orgCode?: string
  customOrgCodes?: string[]
}) {
  counter++
  const now = dbNow()
  const suffix = `${process.pid}_${counter}`
  const [roleId] = await db.table('roles').insert({
    code: `test_role_${suffix}`,
    name: `测试角色${suffix}`,
    data_scope: options.dataScope ?? 'all',
    sort: 99,
    status: 'active',
    created_at: now,
    updated_at: now,
  })
  if (options.permissions.length) {
    await db
      .table('role_permissions')
      .multiInsert(options.permissions.map((permission) => ({ role_id: roleId, permission })))
  }
  for (const code of options.customOrgCodes ?? []) {
    await db.table('role_orgs').insert({ role_id: roleId, org_id: await orgId(code) })
  }
  const user = await User.create({
    username: `test_user_${suffix}`,
    password: 'unused-in-tests',
    realName: `测试用户${suffix}`,
    orgId: await orgId(options.orgCode ?? '000000'),
    status: 'active',
    mustChangePassword: false,
    failedLogins: 0,
    locale: 'zh-CN',
  })
  await db.table('user_roles').insert({ user_id: user.id, role_id: roleId })
  const token = await User.accessTokens.create(user)
  return { user, token: token.value!.release() }
}
