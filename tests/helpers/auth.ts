/*
| Test DSL for identities: `tokenFor('admin')` signs in a demo user;
| `userWith({ permissions, dataScope, orgCode })` makes a fresh role and user.
| Tokens are created directly (no password hashing), inside the test's transaction.
*/
import db from '@adonisjs/lucid/services/db'
import User from '#core/identity/user'
import type { DataScope } from '#core/identity/role'
import { makeUser } from '#tests/factories/identity'

export async function tokenFor(username: string): Promise<string> {
  const user = await User.findByOrFail('username', username)
  const token = await User.accessTokens.create(user)
  return token.value!.release()
}

export async function orgId(code: string): Promise<number> {
  const org = await db.from('orgs').where('code', code).firstOrFail()
  return org.id
}

/** A fresh role and user (`makeUser` in #tests/factories/identity, under its older name). */
export async function userWith(options: {
  permissions: string[]
  dataScope?: DataScope
  orgCode?: string
  customOrgCodes?: string[]
}) {
  return makeUser({
    permissions: options.permissions,
    scope: options.dataScope,
    org: options.orgCode,
    scopeOrgs: options.customOrgCodes,
  })
}
