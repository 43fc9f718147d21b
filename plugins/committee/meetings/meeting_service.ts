import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { scopeCovers } from '#core/identity/record_recipients'
import { LIKE } from '#core/db/like'
import { dbNow } from '#core/db/db_time'
import { CommitteeError } from '../items/committee_error.js'
import { assertStatus, visibleMeeting } from './meeting_scope.js'
import { noticeMeeting } from './meeting_notice.js'

/*
| Preparing a meeting (筹备): its facts, its people, its agenda. A head-office
| meeting is organised by 总行 (org level 1), a branch meeting by a 分行 (level 2)
| in the organiser's scope. Members vote and must hold committee:meeting:vote; the
| chair is a member; attendees (列席) do not vote. Everything here is allowed only
| while the meeting is being prepared (members, date) or until it closes (agenda).
*/
export const VOTE = 'committee:meeting:vote'
export const MANAGE = 'committee:meeting:manage'

export interface MeetingInput {
  meetingType: string
  title: string
  meetingDate: string
  place: string
  orgId: number
  chairId: number
  secretaryId: number
  memberIds: number[]
  attendeeIds?: number[]
}

const bad = (field: string, zh: string, en: string) => new CommitteeError(422, zh, en, field)

async function checkOrg(access: UserAccess, input: MeetingInput) {
  const org = await db.from('orgs').where('id', input.orgId).where('status', 'active').first()
  const level = input.meetingType === 'hq' ? 1 : 2
  if (!org || Number(org.level) !== level)
    throw bad(
      'orgId',
      input.meetingType === 'hq' ? '总行会议的组织机构须为总行' : '分行会议的组织机构须为分行',
      input.meetingType === 'hq'
        ? 'A head-office meeting is organised by head office'
        : 'A branch meeting is organised by a branch'
    )
  if (!scopeCovers(access, { orgId: org.id, orgPath: org.path, ownerId: access.user.id }, MANAGE))
    throw bad(
      'orgId',
      '组织机构不在您的数据权限范围内',
      'The organising org is outside your data scope'
    )
}

async function checkPeople(input: MeetingInput) {
  const attendees = input.attendeeIds ?? []
  if (!input.memberIds.includes(input.chairId))
    throw bad('chairId', '主持人须为参会委员', 'The chair must be a member')
  const both = attendees.find((id) => input.memberIds.includes(id))
  if (both)
    throw bad('attendeeIds', '列席人员不能同时为委员', 'An attendee cannot also be a member')
  const ids = [...new Set([...input.memberIds, ...attendees, input.secretaryId])]
  const users = await User.query().whereIn('id', ids).where('status', 'active')
  if (users.length !== ids.length)
    throw bad(
      'memberIds',
      '参会人员中有不存在或已停用的用户',
      'A participant does not exist or is disabled'
    )
  for (const user of users.filter((u) => input.memberIds.includes(u.id))) {
    const access = await UserAccess.load(user)
    if (!access.can(VOTE))
      throw bad(
        'memberIds',
        `委员 ${user.realName ?? user.username} 没有表决权限`,
        `Member ${user.username} may not vote (${VOTE})`
      )
  }
}

async function writePeople(trx: TransactionClientContract, meetingId: number, input: MeetingInput) {
  const now = dbNow()
  await trx.from('committee_participants').where('meeting_id', meetingId).delete()
  const rows = [
    ...input.memberIds.map((userId) => ({ userId, role: 'member' })),
    ...(input.attendeeIds ?? []).map((userId) => ({ userId, role: 'attendee' })),
  ]
  await trx.table('committee_participants').multiInsert(
    rows.map((r) => ({
      meeting_id: meetingId,
      user_id: r.userId,
      role: r.role,
      attendance: 'unknown',
      proxy_user_id: null,
      created_at: now,
      updated_at: now,
    }))
  )
}

const columns = (input: MeetingInput) => ({
  meeting_type: input.meetingType,
  title: input.title,
  meeting_date: input.meetingDate,
  place: input.place,
  org_id: input.orgId,
  chair_id: input.chairId,
  secretary_id: input.secretaryId,
})

export async function createMeeting(
  access: UserAccess,
  input: MeetingInput,
  audit: (trx: TransactionClientContract, id: number) => Promise<void>
) {
  await checkOrg(access, input)
  await checkPeople(input)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('committee_meetings').insert({
      ...columns(input),
      meeting_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      status: 'draft',
      created_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    const meetingId = Number(id)
    // 会议编号: ZW (总行) / FW (分行) + date + id: unique without a counter to lock.
    const prefix = input.meetingType === 'hq' ? 'ZHWY' : 'FHWY'
    const date = DateTime.fromISO(input.meetingDate).toFormat('yyyyMMdd')
    await trx
      .from('committee_meetings')
      .where('id', meetingId)
      .update({ meeting_no: `${prefix}${date}${String(meetingId).padStart(5, '0')}` })
    await writePeople(trx, meetingId, input)
    await noticeMeeting(
      trx,
      await trx.from('committee_meetings').where('id', meetingId).first(),
      'called'
    )
    await audit(trx, meetingId)
    return meetingId
  })
}

export async function updateMeeting(
  access: UserAccess,
  id: number,
  input: MeetingInput,
  audit: (trx: TransactionClientContract, before: any) => Promise<void>
) {
  await checkOrg(access, input)
  await checkPeople(input)
  await db.transaction(async (trx) => {
    const meeting = await visibleMeeting(access, id, trx)
    assertStatus(meeting, 'draft')
    await trx
      .from('committee_meetings')
      .where('id', id)
      .update({ ...columns(input), updated_at: dbNow() })
    await writePeople(trx, id, input)
    await audit(trx, meeting)
  })
}

/** Items a meeting may take: waiting in the pool, submitted in the meeting org's subtree, visible to the user. */
export async function addAgendaItems(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any,
  itemIds: number[]
) {
  assertStatus(meeting, 'draft', 'opened')
  const org = await trx.from('orgs').where('id', meeting.org_id).firstOrFail()
  const items = await trx
    .from('committee_items as i')
    .join('orgs as o', 'o.id', 'i.org_id')
    .whereIn('i.id', itemIds)
    .whereRaw(LIKE, ['o.path', `${org.path.replace(/[!%_]/g, (c: string) => `!${c}`)}%`])
    .select('i.*', 'o.path as org_path')
    .forUpdate()
  const found = new Map(items.map((i) => [Number(i.id), i]))
  for (const id of itemIds) {
    const item = found.get(id)
    if (
      !item ||
      !scopeCovers(access, {
        orgId: item.org_id,
        orgPath: item.org_path,
        ownerId: item.submitted_by,
      })
    )
      throw bad(
        'itemIds',
        `上会事项 ${id} 不存在或不属于本次会议的机构范围`,
        `Item ${id} is not available to this meeting`
      )
    if (item.status !== 'pending')
      throw new CommitteeError(
        409,
        `上会事项「${item.title}」已列入议程或已决议`,
        `Item ${id} is not waiting`
      )
  }
  const [{ last }] = await trx
    .from('committee_agenda')
    .where('meeting_id', meeting.id)
    .max('seq as last')
  let seq = Number(last ?? 0)
  const now = dbNow()
  for (const id of itemIds) {
    await trx.table('committee_agenda').insert({
      meeting_id: meeting.id,
      item_id: id,
      seq: ++seq,
      voting: 'waiting',
      created_at: now,
    })
  }
  await trx
    .from('committee_items')
    .whereIn('id', itemIds)
    .update({ status: 'scheduled', meeting_id: meeting.id, updated_at: now })
}

/** An item not yet voted on leaves the agenda and returns to the pool. */
export async function removeAgendaItem(
  trx: TransactionClientContract,
  meeting: any,
  itemId: number
) {
  assertStatus(meeting, 'draft', 'opened')
  const entry = await trx
    .from('committee_agenda')
    .where({ meeting_id: meeting.id, item_id: itemId })
    .forUpdate()
    .first()
  if (!entry) throw new CommitteeError(404, '议程中没有该事项', 'The item is not on the agenda')
  if (entry.voting !== 'waiting')
    throw new CommitteeError(
      409,
      '该事项已开始表决，不能移出议程',
      'Voting has started on this item'
    )
  await trx.from('committee_agenda').where('id', entry.id).delete()
  await trx
    .from('committee_items')
    .where('id', itemId)
    .update({ status: 'pending', meeting_id: null, updated_at: dbNow() })
}

/**
 * 出席情况: present, absent, or 委托 to a member present in person. Not while an
 * item is being voted on (the count would change under the voters).
 */
export async function recordAttendance(
  trx: TransactionClientContract,
  meeting: any,
  rows: { userId: number; attendance: string; proxyUserId?: number | null }[]
) {
  assertStatus(meeting, 'draft', 'opened')
  const voting = await trx
    .from('committee_agenda')
    .where({ meeting_id: meeting.id, voting: 'voting' })
    .first()
  if (voting)
    throw new CommitteeError(409, '有事项正在表决，不能修改出席情况', 'An item is being voted on')
  const people = await trx.from('committee_participants').where('meeting_id', meeting.id)
  const byUser = new Map(people.map((p) => [Number(p.user_id), p]))
  const next = new Map(
    people.map((p) => [Number(p.user_id), { attendance: p.attendance, proxy: p.proxy_user_id }])
  )
  for (const row of rows) {
    const person = byUser.get(row.userId)
    if (!person)
      throw bad(
        'attendance',
        `用户 ${row.userId} 不是本次会议的参会人员`,
        `User ${row.userId} is not called to this meeting`
      )
    if (row.attendance === 'proxy' && person.role !== 'member')
      throw bad('attendance', '只有委员可以委托他人表决', 'Only a member may delegate')
    next.set(row.userId, {
      attendance: row.attendance,
      proxy: row.attendance === 'proxy' ? (row.proxyUserId ?? null) : null,
    })
  }
  // A proxy is a member present in person, and nobody delegates to themselves.
  for (const [userId, state] of next) {
    if (state.attendance !== 'proxy') continue
    const proxy = state.proxy == null ? undefined : byUser.get(Number(state.proxy))
    if (
      !proxy ||
      Number(state.proxy) === userId ||
      proxy.role !== 'member' ||
      next.get(Number(state.proxy))?.attendance !== 'present'
    )
      throw bad(
        'attendance',
        '受托人须为亲自出席的其他委员',
        'The proxy must be another member present in person'
      )
  }
  const now = dbNow()
  for (const [userId, state] of next)
    await trx
      .from('committee_participants')
      .where({ meeting_id: meeting.id, user_id: userId })
      .update({ attendance: state.attendance, proxy_user_id: state.proxy, updated_at: now })
}
