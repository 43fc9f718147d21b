/*
| What 用户管理 writes check and record: the user's audit snapshot and the
| field problems of a create or update (unknown ids, department outside the
| org, a password the policy refuses), reported all at once.
*/
import db from '@adonisjs/lucid/services/db'
import { checkPassword } from '#core/identity/password_policy'
import type { Problem } from './errors.js'

/** What the audit log keeps of a user (never the password hash). */
export async function snapshot(id: number) {
  const u = await db.from('users').where('id', id).first()
  if (!u) return null
  const roleIds = (await db.from('user_roles').where('user_id', id).select('role_id'))
    .map((r) => Number(r.role_id))
    .sort((a, b) => a - b)
  const postIds = (await db.from('user_posts').where('user_id', id).select('post_id'))
    .map((r) => Number(r.post_id))
    .sort((a, b) => a - b)
  return {
    username: u.username,
    realName: u.real_name,
    orgId: Number(u.org_id),
    departmentId: u.department_id === null ? null : Number(u.department_id),
    phone: u.phone,
    email: u.email,
    status: u.status,
    roleIds,
    postIds,
  }
}

/** Field problems with the ids and password of a create or update, all at once. */
export async function referenceProblems(input: {
  orgId: number
  departmentId?: number | null
  postIds?: number[]
  roleIds?: number[]
}): Promise<Problem[]> {
  const problems: Problem[] = []
  if (input.departmentId) {
    const dept = await db.from('departments').where('id', input.departmentId).first()
    if (!dept || Number(dept.org_id) !== input.orgId) {
      problems.push({
        field: 'departmentId',
        rule: 'exists',
        key: 'organization.user.departmentNotInOrg',
      })
    }
  }
  const unknown = async (table: string, ids: number[] = []) => {
    if (!ids.length) return []
    const found = new Set(
      (await db.from(table).whereIn('id', ids).select('id')).map((r) => Number(r.id))
    )
    return ids.filter((id) => !found.has(id))
  }
  const badPosts = await unknown('posts', input.postIds)
  if (badPosts.length) {
    problems.push({
      field: 'postIds',
      rule: 'exists',
      key: 'organization.user.unknownPosts',
      data: { ids: badPosts.join(', ') },
    })
  }
  const badRoles = await unknown('roles', input.roleIds)
  if (badRoles.length) {
    problems.push({
      field: 'roleIds',
      rule: 'exists',
      key: 'organization.user.unknownRoles',
      data: { ids: badRoles.join(', ') },
    })
  }
  return problems
}

export async function passwordProblems(password: string, user: { id?: number; username: string }) {
  return (await checkPassword(password, user)).map((p): Problem => ({
    field: 'password',
    rule: p.rule,
    text: p.message,
  }))
}
