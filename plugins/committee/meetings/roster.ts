import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { scopeCovers } from '#core/identity/record_recipients'
import { dbNow } from '#core/db/db_time'
import { CommitteeError } from '../items/committee_error.js'
import { VOTE } from './meeting_service.js'

/*
| 委员名单 of an organising org: proposed on 新建会议, never imposed (a meeting keeps
| its own people). Members must hold the vote permission, the chair is one of them.
*/
export interface Roster {
  orgId: number
  chairId: number | null
  secretaryId: number | null
  memberIds: number[]
}

const fail = (zh: string, en: string) => new CommitteeError(422, zh, en)

export async function rosterOf(orgId: number): Promise<Roster> {
  const rows = await db.from('committee_roster').where('org_id', orgId).orderBy('seq')
  return {
    orgId,
    chairId: rows.find((r) => r.role === 'chair')?.user_id ?? null,
    secretaryId: rows.find((r) => r.role === 'secretary')?.user_id ?? null,
    memberIds: rows.filter((r) => r.role !== 'secretary').map((r) => Number(r.user_id)),
  }
}

export async function assertOrgInScope(access: UserAccess, orgId: number, permission: string) {
  const org = await db.from('orgs').where('id', orgId).where('status', 'active').first()
  if (
    !org ||
    Number(org.level) > 2 ||
    !scopeCovers(access, { orgId: org.id, orgPath: org.path, ownerId: access.user.id }, permission)
  )
    throw new CommitteeError(404, '机构不存在或不在您的数据权限范围内', 'Org not found')
  return org
}

export async function saveRoster(trx: TransactionClientContract, roster: Roster) {
  if (roster.chairId != null && !roster.memberIds.includes(roster.chairId))
    throw fail('主任委员须在委员名单中', 'The chair must be a member')
  const ids = [
    ...new Set([...roster.memberIds, ...(roster.secretaryId ? [roster.secretaryId] : [])]),
  ]
  const users = await User.query({ client: trx }).whereIn('id', ids).where('status', 'active')
  if (users.length !== ids.length)
    throw fail('名单中有不存在或已停用的用户', 'A user does not exist or is disabled')
  for (const user of users.filter((u) => roster.memberIds.includes(u.id)))
    if (!(await UserAccess.load(user)).can(VOTE))
      throw fail(
        `委员 ${user.realName ?? user.username} 没有表决权限`,
        `Member ${user.username} may not vote`
      )
  await trx.from('committee_roster').where('org_id', roster.orgId).delete()
  const now = dbNow()
  const rows = [
    ...roster.memberIds.map((userId, i) => ({
      user_id: userId,
      role: userId === roster.chairId ? 'chair' : 'member',
      seq: i + 1,
    })),
    ...(roster.secretaryId ? [{ user_id: roster.secretaryId, role: 'secretary', seq: 0 }] : []),
  ]
  if (rows.length)
    await trx
      .table('committee_roster')
      .multiInsert(rows.map((r) => ({ ...r, org_id: roster.orgId, created_at: now })))
}
