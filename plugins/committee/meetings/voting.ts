import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { CommitteeError } from '../items/committee_error.js'
import { itemKind, type DecidedContext, type ItemKindDefinition } from '../items/kind_registry.js'
import { decide, presentMembers, type Tally } from '../rules/decide.js'
import { ruleFor } from '../rules/rule_store.js'
import type { CommitteeRule, VoteOption } from '../rules/types.js'
import { assertRunner, assertStatus } from './meeting_scope.js'
import { nextResolutionNo } from './resolution_no.js'
import { dateText } from './dates.js'
import { noticeMeeting } from './meeting_notice.js'

/*
| The sitting: open the meeting (the rule in force is snapshotted: every result is
| computed from it, whatever an administrator changes later), open voting on one
| item at a time, ballots, close voting (the tally, provisional), announce (final:
| the decision, the 决议 number, the item decided and the submitting plugin's
| onDecided — all in one transaction; never changed afterwards).
*/

export const snapshotOf = (meeting: any): CommitteeRule => JSON.parse(meeting.rule_json)

async function agendaEntry(trx: TransactionClientContract, meeting: any, itemId: number) {
  const entry = await trx
    .from('committee_agenda')
    .where({ meeting_id: meeting.id, item_id: itemId })
    .forUpdate()
    .first()
  if (!entry) throw new CommitteeError(404, '议程中没有该事项', 'The item is not on the agenda')
  return entry
}

async function members(trx: TransactionClientContract, meetingId: number) {
  const rows = await trx
    .from('committee_participants')
    .where({ meeting_id: meetingId, role: 'member' })
    .orderBy('id')
  return rows.map((r) => ({
    userId: Number(r.user_id),
    attendance: r.attendance,
    proxyUserId: r.proxy_user_id == null ? null : Number(r.proxy_user_id),
  }))
}

/** The tally of one agenda entry from its stored ballots, under the meeting's snapshot. */
export async function tallyOf(
  trx: TransactionClientContract,
  meeting: any,
  entry: any
): Promise<Tally> {
  const item = await trx.from('committee_items').where('id', entry.item_id).firstOrFail()
  const ballots = await trx.from('committee_votes').where('agenda_id', entry.id)
  return decide({
    rule: snapshotOf(meeting),
    members: await members(trx, meeting.id),
    ballots: ballots.map((b) => ({
      memberId: Number(b.member_id),
      choice: b.choice as VoteOption,
    })),
    chairId: Number(meeting.chair_id),
    parties: JSON.parse(item.parties_json ?? '[]'),
  })
}

export async function openMeeting(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any
) {
  assertRunner(access, meeting)
  assertStatus(meeting, 'draft')
  const rule = await ruleFor(meeting.meeting_type, trx)
  if (!rule)
    throw new CommitteeError(409, '该会议类型没有议事规则', 'No rule for this meeting type')
  const now = dbNow()
  await trx
    .from('committee_meetings')
    .where('id', meeting.id)
    .update({ status: 'opened', rule_json: JSON.stringify(rule), opened_at: now, updated_at: now })
  await noticeMeeting(trx, meeting, 'opened')
  return rule
}

export async function openVoting(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any,
  itemId: number
) {
  assertRunner(access, meeting)
  assertStatus(meeting, 'opened')
  const entry = await agendaEntry(trx, meeting, itemId)
  if (entry.voting !== 'waiting' && entry.voting !== 'closed')
    throw new CommitteeError(409, '该事项不能开始表决', 'Voting cannot be opened on this item')
  const other = await trx
    .from('committee_agenda')
    .where({ meeting_id: meeting.id, voting: 'voting' })
    .whereNot('id', entry.id)
    .first()
  if (other)
    throw new CommitteeError(
      409,
      '另一事项正在表决，请先结束其表决',
      'Another item is being voted on'
    )
  // A meeting without quorum cannot decide: it does not even put an item to the vote.
  const m = await members(trx, meeting.id)
  const rule = snapshotOf(meeting)
  const present = presentMembers(m).size
  if (BigInt(present) * BigInt(rule.quorum.den) < BigInt(rule.quorum.num) * BigInt(m.length))
    throw new CommitteeError(
      422,
      `出席委员 ${present}/${m.length} 人，不足法定比例 ${rule.quorum.num}/${rule.quorum.den}，不能表决`,
      `${present} of ${m.length} members present: no quorum`
    )
  await trx
    .from('committee_agenda')
    .where('id', entry.id)
    .update({ voting: 'voting', opened_at: dbNow(), result_json: null, closed_at: null })
}

/**
 * A ballot: by a member present in person for themselves, or by the member a
 * delegator named as proxy (委托) for that delegator. Changeable while voting is
 * open; a party to the item may only abstain where the rule says so.
 */
export async function castVote(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any,
  itemId: number,
  input: { choice: VoteOption; memberId?: number }
) {
  assertStatus(meeting, 'opened')
  const entry = await agendaEntry(trx, meeting, itemId)
  if (entry.voting !== 'voting')
    throw new CommitteeError(409, '该事项未在表决中', 'Voting is not open on this item')
  const me = access.user.id
  const memberId = input.memberId ?? me
  const member = await trx
    .from('committee_participants')
    .where({ meeting_id: meeting.id, user_id: memberId, role: 'member' })
    .first()
  if (!member)
    throw new CommitteeError(403, '您不是本次会议的表决委员', 'You are not a voting member')
  if (memberId === me && member.attendance !== 'present')
    throw new CommitteeError(
      403,
      '只有亲自出席的委员可以表决',
      'Only a member present in person votes'
    )
  if (memberId !== me && !(member.attendance === 'proxy' && Number(member.proxy_user_id) === me))
    throw new CommitteeError(403, '您不是该委员的受托人', 'You do not hold this member’s proxy')
  const rule = snapshotOf(meeting)
  if (!rule.options.includes(input.choice))
    throw new CommitteeError(
      422,
      '本次会议的议事规则没有该表决选项',
      'The rule offers no such option'
    )
  const item = await trx.from('committee_items').where('id', itemId).firstOrFail()
  const parties: number[] = JSON.parse(item.parties_json ?? '[]')
  if (rule.partyMustAbstain && parties.includes(memberId) && input.choice !== 'abstain')
    throw new CommitteeError(
      422,
      '与该事项有利害关系的委员应当回避，只能弃权',
      'A party to the item must abstain'
    )
  const now = dbNow()
  const existing = await trx
    .from('committee_votes')
    .where({ agenda_id: entry.id, member_id: memberId })
    .first()
  if (existing)
    await trx
      .from('committee_votes')
      .where('id', existing.id)
      .update({ choice: input.choice, cast_by: me, updated_at: now })
  else
    await trx.table('committee_votes').insert({
      agenda_id: entry.id,
      member_id: memberId,
      cast_by: me,
      choice: input.choice,
      created_at: now,
      updated_at: now,
    })
  return { memberId, changed: Boolean(existing), anonymous: rule.ballot === 'anonymous' }
}

/** Ends the vote and computes the tally (shown, not yet final: announcing makes it so). */
export async function closeVoting(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any,
  itemId: number
) {
  assertRunner(access, meeting)
  assertStatus(meeting, 'opened')
  const entry = await agendaEntry(trx, meeting, itemId)
  if (entry.voting !== 'voting')
    throw new CommitteeError(409, '该事项未在表决中', 'Voting is not open on this item')
  const tally = await tallyOf(trx, meeting, entry)
  await trx
    .from('committee_agenda')
    .where('id', entry.id)
    .update({ voting: 'closed', result_json: JSON.stringify(tally), closed_at: dbNow() })
  return tally
}

/**
 * 宣布表决结果: final. The tally is computed again from the stored ballots under the
 * snapshot (what was shown at close is what is announced: ballots cannot change
 * after close), the 决议 gets its number, the item is decided (复议: back to the
 * pool) and the submitting plugin's onDecided runs — a throw rolls all of it back.
 */
export async function announce(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any,
  itemId: number
) {
  assertRunner(access, meeting)
  assertStatus(meeting, 'opened')
  const entry = await agendaEntry(trx, meeting, itemId)
  if (entry.voting !== 'closed')
    throw new CommitteeError(409, '请先结束表决再宣布结果', 'Close the vote before announcing')
  const tally = await tallyOf(trx, meeting, entry)
  if (!tally.decision) throw new CommitteeError(422, `${tally.reason.zh}`, tally.reason.en)
  const item = await trx.from('committee_items').where('id', itemId).forUpdate().firstOrFail()
  const kind = itemKind(item.kind)
  if (!kind)
    throw new CommitteeError(
      409,
      `事项类型 ${item.kind} 未注册（其插件未启用），不能宣布决议`,
      `Item kind ${item.kind} is not registered here; the decision cannot be announced`
    )
  const resolutionNo = await nextResolutionNo(trx, meeting)
  const now = dbNow()
  await trx
    .from('committee_agenda')
    .where('id', entry.id)
    .update({
      voting: 'announced',
      decision: tally.decision,
      result_json: JSON.stringify(tally),
      resolution_no: resolutionNo,
      announced_at: now,
      announced_by: access.user.id,
    })
  await trx
    .from('committee_items')
    .where('id', itemId)
    .update({
      status: tally.decision === 'reconsider' ? 'pending' : 'decided',
      decision: tally.decision,
      resolution_no: resolutionNo,
      meeting_id: tally.decision === 'reconsider' ? null : meeting.id,
      decided_at: now,
      updated_at: now,
    })
  // The submitting plugin's flow continues here, in this transaction; its refusal undoes the announcement.
  await runOnDecided(kind, {
    trx,
    item: {
      id: Number(item.id),
      kind: item.kind,
      title: item.title,
      amount: Money.fromFen(String(item.amount_fen)).toYuan(),
      recordRef: { plugin: item.record_plugin, kind: item.record_kind, id: String(item.record_id) },
      orgId: Number(item.org_id),
    },
    decision: tally.decision,
    resolutionNo,
    meeting: {
      id: Number(meeting.id),
      meetingNo: meeting.meeting_no,
      type: meeting.meeting_type,
      date: dateText(meeting.meeting_date),
    },
    result: tally as unknown as Record<string, unknown>,
    actorId: access.user.id,
  })
  return { tally, resolutionNo }
}

/** 闭会: every item on the agenda announced. The minutes stay editable until then. */
async function runOnDecided(kind: ItemKindDefinition, ctx: DecidedContext) {
  try {
    await kind.onDecided(ctx)
  } catch (error) {
    if (error instanceof CommitteeError) throw error
    const message = (error as Error)?.message ?? String(error)
    throw new CommitteeError(
      422,
      `事项所属业务拒绝了该决议：${message}`,
      `The item's plugin refused the decision: ${message}`
    )
  }
}

export async function closeMeeting(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any
) {
  assertRunner(access, meeting)
  assertStatus(meeting, 'opened')
  const open = await trx
    .from('committee_agenda')
    .where('meeting_id', meeting.id)
    .whereNot('voting', 'announced')
    .first()
  if (open)
    throw new CommitteeError(
      409,
      '议程中还有未宣布结果的事项',
      'An item on the agenda is not announced yet'
    )
  const now = dbNow()
  await trx
    .from('committee_meetings')
    .where('id', meeting.id)
    .update({ status: 'closed', closed_at: now, updated_at: now })
}

/** 取消: a meeting being prepared; its items return to the pool. */
export async function cancelMeeting(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any
) {
  assertStatus(meeting, 'draft')
  if (meeting.created_by !== access.user.id) assertRunner(access, meeting)
  const itemIds = (await trx.from('committee_agenda').where('meeting_id', meeting.id)).map(
    (a) => a.item_id
  )
  await trx.from('committee_agenda').where('meeting_id', meeting.id).delete()
  if (itemIds.length)
    await trx
      .from('committee_items')
      .whereIn('id', itemIds)
      .update({ status: 'pending', meeting_id: null, updated_at: dbNow() })
  await trx
    .from('committee_meetings')
    .where('id', meeting.id)
    .update({ status: 'cancelled', updated_at: dbNow() })
}

export async function saveMinutes(
  trx: TransactionClientContract,
  access: UserAccess,
  meeting: any,
  minutes: string
) {
  assertRunner(access, meeting)
  assertStatus(meeting, 'draft', 'opened')
  await trx
    .from('committee_meetings')
    .where('id', meeting.id)
    .update({ minutes, updated_at: dbNow() })
}
