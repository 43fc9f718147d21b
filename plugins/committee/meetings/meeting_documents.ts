import { dictionariesCache } from '#core/registry/dictionaries_cache'
import type { UserAccess } from '#core/identity/user_access'
import { CommitteeError } from '../items/committee_error.js'
import type { CommitteeRule } from '../rules/types.js'
import { meetingDetail } from './meeting_queries.js'

/*
| The data of the 决议 (one announced item) and the 会议纪要 (the sitting) for
| documents/resolution.hbs and documents/minutes.hbs. Everything is text the
| template escapes; amounts stay yuan text (the `yuan` helper groups digits).
*/
async function labels(type: string) {
  const { data } = await dictionariesCache.current()
  return (code: string | null | undefined) =>
    (data[type] ?? []).find((i) => i.code === code)?.label.zh ?? code ?? ''
}

export function ruleText(rule: CommitteeRule | null) {
  if (!rule) return ''
  const basis = rule.pass.basis === 'members' ? '全体委员' : '出席委员'
  const cmp = rule.pass.compare === 'gt' ? '超过' : '达到'
  const tie = { reject: '平票不通过', pass: '平票按比例', chair: '平票由主任委员决定' }[rule.tie]
  return [
    `出席 ≥ ${rule.quorum.num}/${rule.quorum.den}`,
    `同意${cmp}${basis}${rule.pass.num}/${rule.pass.den}通过`,
    tie,
    rule.chairVeto ? '主任委员一票否决' : null,
    rule.ballot === 'anonymous' ? '无记名表决' : '记名表决',
    rule.partyMustAbstain ? '利害关系委员回避' : null,
  ]
    .filter(Boolean)
    .join('；')
}

export async function resolutionData(access: UserAccess, meetingId: number, itemId: number) {
  const meeting = await meetingDetail(access, meetingId)
  const entry = meeting.agenda.find((a) => a.itemId === itemId)
  if (!entry) throw new CommitteeError(404, '议程中没有该事项', 'The item is not on the agenda')
  if (entry.voting !== 'announced' || !entry.result)
    throw new CommitteeError(
      409,
      '表决结果尚未宣布，没有决议',
      'No resolution before the result is announced'
    )
  const type = await labels('committee_meeting_type')
  const decision = await labels('committee_decision')
  const option = await labels('committee_vote_option')
  const named = meeting.rule?.ballot !== 'anonymous'
  return {
    orgName: meeting.meetingType === 'hq' ? '总行' : (meeting.orgName ?? ''),
    resolutionNo: entry.resolutionNo,
    meeting: { ...meeting, typeLabel: type(meeting.meetingType) },
    item: { ...entry, kindLabel: entry.kindLabel.zh },
    result: entry.result,
    ruleText: ruleText(meeting.rule),
    ballots: named
      ? entry.ballots
          .filter((b) => b.voted)
          .map((b) => ({ name: b.name, choiceLabel: option(b.choice), castBy: b.castBy }))
      : [],
    decisionLabel: decision(entry.decision),
    // A resolution is dated the day of the sitting that adopted it.
    announcedOn: meeting.meetingDate,
  }
}

export async function minutesData(access: UserAccess, meetingId: number) {
  const meeting = await meetingDetail(access, meetingId)
  const type = await labels('committee_meeting_type')
  const decision = await labels('committee_decision')
  const members = meeting.participants.filter((p) => p.role === 'member')
  const names = (list: typeof members) => list.map((p) => p.name).join('、') || '无'
  return {
    meeting: { ...meeting, typeLabel: type(meeting.meetingType) },
    present: names(members.filter((p) => p.attendance === 'present')),
    proxies:
      members
        .filter((p) => p.attendance === 'proxy')
        .map((p) => `${p.name}（委托${p.proxyName}）`)
        .join('、') || '无',
    absent: names(members.filter((p) => p.attendance === 'absent' || p.attendance === 'unknown')),
    attendees: names(meeting.participants.filter((p) => p.role === 'attendee')),
    ruleText: ruleText(meeting.rule),
    agenda: meeting.agenda.map((a) => ({
      seq: a.seq,
      kindLabel: a.kindLabel.zh,
      title: a.title,
      amount: a.amount,
      counts: a.result
        ? `${a.result.counts.agree}/${a.result.counts.disagree}/${a.result.counts.abstain}/${a.result.counts.reconsider}`
        : '—',
      decisionLabel: a.decision ? decision(a.decision) : a.voting === 'announced' ? '' : '未宣布',
      resolutionNo: a.resolutionNo ?? '',
    })),
  }
}
