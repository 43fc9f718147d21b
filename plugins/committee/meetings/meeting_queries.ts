import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { LIKE, likeContains } from '#core/db/like'
import { Money } from '#core/money/money'
import { fromDb } from '#core/db/db_time'
import { kindLabel, recordLink } from '../items/item_queries.js'
import { ruleFor } from '../rules/rule_store.js'
import type { Tally } from '../rules/decide.js'
import { dateText } from './dates.js'
import { scopedMeetings, visibleMeeting } from './meeting_scope.js'

/*
| Meetings as the console reads them. An anonymous ballot never leaves the server
| with names: the detail then shows who has voted (turnout), not what they chose.
*/
const time = (v: unknown) => fromDb(v)?.toFormat('yyyy-MM-dd HH:mm:ss') ?? null

export async function listMeetings(
  access: UserAccess,
  filters: {
    page?: number
    perPage?: number
    keyword?: string
    status?: string
    meetingType?: string
  }
) {
  const query = scopedMeetings(access).leftJoin('orgs as o', 'o.id', 'm.org_id')
  if (filters.status) query.where('m.status', filters.status)
  if (filters.meetingType) query.where('m.meeting_type', filters.meetingType)
  if (filters.keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['m.title', likeContains(filters.keyword)])
        .orWhereRaw(LIKE, ['m.meeting_no', likeContains(filters.keyword)])
    )
  const page = filters.page ?? 1
  const perPage = filters.perPage ?? 20
  const [{ total }] = await query.clone().count('* as total')
  const rows = await query
    .leftJoin('users as c', 'c.id', 'm.chair_id')
    .select('m.*', 'o.name as org_name', 'c.real_name as chair_name')
    .select(
      db.raw('(SELECT COUNT(*) FROM committee_agenda a WHERE a.meeting_id = m.id) as items'),
      db.raw(
        "(SELECT COUNT(*) FROM committee_agenda a WHERE a.meeting_id = m.id AND a.voting = 'announced') as announced"
      )
    )
    .orderBy('m.meeting_date', 'desc')
    .orderBy('m.id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
  return {
    data: rows.map((m) => ({
      id: m.id,
      meetingNo: m.meeting_no,
      meetingType: m.meeting_type,
      title: m.title,
      meetingDate: dateText(m.meeting_date),
      place: m.place,
      orgName: m.org_name,
      chairName: m.chair_name,
      status: m.status,
      items: Number(m.items),
      announced: Number(m.announced),
    })),
    meta: { total: Number(total), page, perPage },
  }
}

const userName = (u: any) => u?.real_name || u?.username || null

export async function meetingDetail(access: UserAccess, id: number) {
  const m = await visibleMeeting(access, id)
  const me = access.user.id
  const org = await db.from('orgs').where('id', m.org_id).first()
  const people = await db
    .from('committee_participants as p')
    .join('users as u', 'u.id', 'p.user_id')
    .where('p.meeting_id', id)
    .orderBy('p.id')
    .select('p.*', 'u.real_name', 'u.username')
  const users = await db
    .from('users')
    .whereIn('id', [m.chair_id, m.secretary_id])
    .select('id', 'real_name', 'username')
  const nameOf = (uid: number | null) =>
    uid == null
      ? null
      : userName(people.find((p) => p.user_id === uid) ?? users.find((u) => u.id === uid))
  const rule = m.rule_json ? JSON.parse(m.rule_json) : await ruleFor(m.meeting_type)
  const anonymous = rule?.ballot === 'anonymous'

  const agenda = await db
    .from('committee_agenda as a')
    .join('committee_items as i', 'i.id', 'a.item_id')
    .leftJoin('orgs as o', 'o.id', 'i.org_id')
    .where('a.meeting_id', id)
    .orderBy('a.seq')
    .select(
      'a.*',
      'i.kind',
      'i.title',
      'i.amount_fen',
      'i.record_id',
      'i.parties_json',
      'o.name as org_name'
    )
  const agendaIds = agenda.map((a) => a.id)
  const votes = agendaIds.length
    ? await db.from('committee_votes').whereIn('agenda_id', agendaIds)
    : []
  const materials = agenda.length
    ? await db
        .from('committee_materials')
        .whereIn(
          'item_id',
          agenda.map((a) => a.item_id)
        )
        .orderBy('id')
    : []
  const members = people.filter((p) => p.role === 'member')
  // Whom the signed-in user may cast a ballot for: themselves when present, their delegators.
  const votesFor = members
    .filter(
      (p) =>
        (p.user_id === me && p.attendance === 'present') ||
        (p.attendance === 'proxy' && p.proxy_user_id === me)
    )
    .map((p) => p.user_id)

  return {
    id: m.id,
    meetingNo: m.meeting_no,
    meetingType: m.meeting_type,
    title: m.title,
    meetingDate: dateText(m.meeting_date),
    place: m.place,
    orgId: m.org_id,
    orgName: org?.name ?? null,
    chairId: m.chair_id,
    chairName: nameOf(m.chair_id),
    secretaryId: m.secretary_id,
    secretaryName: nameOf(m.secretary_id),
    status: m.status,
    minutes: m.minutes ?? '',
    openedAt: time(m.opened_at),
    closedAt: time(m.closed_at),
    rule,
    ruleSnapshot: Boolean(m.rule_json),
    participants: people.map((p) => ({
      userId: p.user_id,
      name: userName(p),
      role: p.role,
      attendance: p.attendance,
      proxyUserId: p.proxy_user_id,
      proxyName: nameOf(p.proxy_user_id),
    })),
    you: {
      runner: m.chair_id === me || m.secretary_id === me,
      votesFor,
    },
    agenda: agenda.map((a) => {
      const mine = votes.filter((v) => v.agenda_id === a.id)
      const result: Tally | null = a.result_json ? JSON.parse(a.result_json) : null
      return {
        itemId: a.item_id,
        seq: a.seq,
        kind: a.kind,
        kindLabel: kindLabel(a.kind),
        title: a.title,
        amount: Money.fromFen(String(a.amount_fen)).toYuan(),
        orgName: a.org_name,
        link: recordLink(a.kind, String(a.record_id)),
        parties: JSON.parse(a.parties_json ?? '[]'),
        voting: a.voting,
        decision: a.decision,
        resolutionNo: a.resolution_no,
        announcedAt: time(a.announced_at),
        result,
        materials: materials
          .filter((x) => x.item_id === a.item_id)
          .map((x) => ({
            id: x.id,
            name: x.file_name,
            link: x.link,
            uploaded: Boolean(x.stored_path),
            size: x.size,
          })),
        ballots: members.map((p) => {
          const vote = mine.find((v) => v.member_id === p.user_id)
          return {
            memberId: p.user_id,
            name: userName(p),
            voted: Boolean(vote),
            // Named ballot: the choice and who cast it; anonymous: only that a ballot is in,
            // except the user's own ballots (theirs and their delegators').
            choice: vote && (!anonymous || votesFor.includes(p.user_id)) ? vote.choice : null,
            castBy: vote && !anonymous ? nameOf(vote.cast_by) : null,
          }
        }),
      }
    }),
  }
}
