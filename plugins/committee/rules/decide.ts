import type { CommitteeRule, Fraction, VoteOption } from './types.js'

/*
| The decision on one agenda item, from the rule snapshotted when the meeting
| opened, the members' attendance and the ballots. Pure: no database, no clock;
| the unit tests read like the rule (tests/unit/decide.spec.ts).
|
| 1. Quorum: members present — in person, or absent but represented by a present
|    member they delegated to (委托) — ≥ quorum × all members. Without quorum the
|    meeting cannot decide: no decision.
| 2. Ballots count only for members present; a member party to the item counts as
|    弃权 where the rule says parties abstain; a present member who did not vote is
|    未投票 (not 同意).
| 3. Veto: with chairVeto on, the chair's 不同意 rejects.
| 4. Passed when 同意 ≥ (or >) pass × basis, basis = members present or all members.
|    A tie (同意 = 不同意) that meets the threshold follows `tie`: reject (default),
|    pass, or the chair's vote decides.
| 5. Not passed: 复议 when 复议 votes outnumber 不同意 (the item returns for a later
|    sitting), otherwise 不通过.
*/

export interface MemberAttendance {
  userId: number
  attendance: 'unknown' | 'present' | 'absent' | 'proxy'
  /** For proxy: the member who votes in this one's place. */
  proxyUserId?: number | null
}

export interface Ballot {
  /** The member whose vote it is (the delegator, when cast by a proxy). */
  memberId: number
  choice: VoteOption
}

export interface DecisionInput {
  rule: CommitteeRule
  members: MemberAttendance[]
  ballots: Ballot[]
  chairId: number
  /** Members who are party to the item. */
  parties?: number[]
}

export type Decision = 'passed' | 'rejected' | 'reconsider'

export interface Tally {
  members: number
  present: number
  quorate: boolean
  /** Whom the pass fraction was taken of, and how many 同意 that needs. */
  basis: number
  counts: Record<VoteOption | 'notVoted', number>
  vetoed: boolean
  tie: boolean
  decision: Decision | null
  reason: { zh: string; en: string }
}

/** a/b ≥ f (or > f), exactly: a·den vs num·b in integers. */
export function meets(count: number, of: number, f: Fraction, compare: 'gte' | 'gt' = 'gte') {
  const left = BigInt(count) * BigInt(f.den)
  const right = BigInt(f.num) * BigInt(of)
  return compare === 'gt' ? left > right : left >= right
}

/** Members counted present: in person, or represented by a present member. */
export function presentMembers(members: MemberAttendance[]) {
  const inPerson = new Set(members.filter((m) => m.attendance === 'present').map((m) => m.userId))
  return new Set(
    members
      .filter(
        (m) =>
          m.attendance === 'present' ||
          (m.attendance === 'proxy' && m.proxyUserId != null && inPerson.has(m.proxyUserId))
      )
      .map((m) => m.userId)
  )
}

const fractionText = (f: Fraction) => `${f.num}/${f.den}`

export function decide(input: DecisionInput): Tally {
  const { rule, members, chairId } = input
  const present = presentMembers(members)
  const total = members.length
  const quorate = total > 0 && meets(present.size, total, rule.quorum)
  const parties = new Set(input.parties ?? [])

  const counts: Tally['counts'] = { agree: 0, disagree: 0, abstain: 0, reconsider: 0, notVoted: 0 }
  const byMember = new Map<number, VoteOption>()
  for (const ballot of input.ballots) {
    if (!present.has(ballot.memberId)) continue
    const forced = rule.partyMustAbstain && parties.has(ballot.memberId)
    byMember.set(ballot.memberId, forced ? 'abstain' : ballot.choice)
  }
  for (const id of present) {
    const choice = byMember.get(id)
    counts[choice ?? 'notVoted']++
  }

  const basis = rule.pass.basis === 'members' ? total : present.size
  const base = { members: total, present: present.size, quorate, basis, counts }
  if (!quorate)
    return {
      ...base,
      vetoed: false,
      tie: false,
      decision: null,
      reason: {
        zh: `出席委员 ${present.size}/${total} 人，不足 ${fractionText(rule.quorum)}，会议不能作出决议`,
        en: `${present.size} of ${total} members present, below ${fractionText(rule.quorum)}: no quorum`,
      },
    }

  const chairVote = byMember.get(chairId)
  const vetoed = rule.chairVeto && chairVote === 'disagree'
  const tie = counts.agree === counts.disagree && counts.agree > 0
  const threshold = meets(counts.agree, basis, rule.pass, rule.pass.compare)
  const need = `${rule.pass.compare === 'gt' ? '超过' : '达到'}${fractionText(rule.pass)}`
  const ofWhom = rule.pass.basis === 'members' ? '全体委员' : '出席委员'

  const result = (decision: Decision, zh: string, en: string): Tally => ({
    ...base,
    vetoed,
    tie,
    decision,
    reason: { zh, en },
  })

  if (vetoed) return result('rejected', '主任委员行使一票否决权，不通过', 'Vetoed by the chair')
  if (threshold && tie) {
    if (rule.tie === 'pass')
      return result('passed', `同意票与不同意票相等，按规则视为通过`, 'Tie: passed by the rule')
    if (rule.tie === 'chair')
      return chairVote === 'agree'
        ? result('passed', '同意票与不同意票相等，主任委员同意，通过', 'Tie: the chair agreed')
        : result(
            'rejected',
            '同意票与不同意票相等，主任委员未同意，不通过',
            'Tie: the chair did not agree'
          )
    return result('rejected', '同意票与不同意票相等，按规则不通过', 'Tie: not passed by the rule')
  }
  if (threshold)
    return result(
      'passed',
      `同意 ${counts.agree} 票，${need}${ofWhom}（${basis} 人），通过`,
      `${counts.agree} in favour of ${basis}: passed`
    )
  if (counts.reconsider > counts.disagree)
    return result(
      'reconsider',
      `同意 ${counts.agree} 票，未${need}${ofWhom}；复议 ${counts.reconsider} 票多于不同意 ${counts.disagree} 票，提交复议`,
      `Not passed; more votes to reconsider than against: reconsider`
    )
  return result(
    'rejected',
    `同意 ${counts.agree} 票，未${need}${ofWhom}（${basis} 人），不通过`,
    `${counts.agree} in favour of ${basis}: not passed`
  )
}
