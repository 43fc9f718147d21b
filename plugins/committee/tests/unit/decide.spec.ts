import { test } from '@japa/runner'
import { decide, meets, type Ballot, type MemberAttendance } from '../../rules/decide.js'
import type { CommitteeRule, VoteOption } from '../../rules/types.js'

/*
| The decision on one agenda item (rules/decide.ts), case by case as the rule
| reads. The shipped rule: quorum ≥ 2/3 of members, passed with ≥ 2/3 of the
| members present agreeing, a tie not passed, no veto, parties abstain.
| Members are numbered 1…n; member 1 is the chair.
*/
const shipped: CommitteeRule = {
  meetingType: 'hq',
  quorum: { num: 2, den: 3 },
  pass: { num: 2, den: 3, basis: 'attendees', compare: 'gte' },
  options: ['agree', 'disagree', 'abstain', 'reconsider'],
  chairVeto: false,
  ballot: 'named',
  partyMustAbstain: true,
  tie: 'reject',
}
const rule = (changes: Partial<CommitteeRule> = {}): CommitteeRule => ({ ...shipped, ...changes })

/** n members; the first `present` attend in person, the rest are absent. */
function members(n: number, present: number): MemberAttendance[] {
  return Array.from({ length: n }, (_, i) => ({
    userId: i + 1,
    attendance: i < present ? 'present' : 'absent',
  }))
}

/** Ballots of members 1, 2, 3 … in order: votes('agree', 'agree', 'disagree'). */
const votes = (...choices: VoteOption[]): Ballot[] =>
  choices.map((choice, i) => ({ memberId: i + 1, choice }))

const run = (m: MemberAttendance[], b: Ballot[], r = rule(), parties: number[] = []) =>
  decide({ rule: r, members: m, ballots: b, chairId: 1, parties })

test.group('committee decision: quorum (≥ 2/3 of members present)', () => {
  test('6 of 9 present is exactly 2/3: quorate', ({ assert }) => {
    const t = run(members(9, 6), votes('agree', 'agree', 'agree', 'agree', 'agree', 'agree'))
    assert.isTrue(t.quorate)
    assert.equal(t.decision, 'passed')
  })

  test('5 of 9 present is below 2/3: no decision, whatever the votes', ({ assert }) => {
    const t = run(members(9, 5), votes('agree', 'agree', 'agree', 'agree', 'agree'))
    assert.isFalse(t.quorate)
    assert.isNull(t.decision)
    assert.include(t.reason.zh, '不足 2/3')
  })

  test('a member absent but represented by a present member counts as present', ({ assert }) => {
    const m = members(9, 5)
    m[5] = { userId: 6, attendance: 'proxy', proxyUserId: 2 }
    assert.isTrue(run(m, []).quorate)
    // A proxy given to someone who is not there represents nobody.
    m[5] = { userId: 6, attendance: 'proxy', proxyUserId: 8 }
    assert.isFalse(run(m, []).quorate)
  })

  test('the quorum fraction is exact: 2 of 3 meets 2/3, 66 of 100 does not', ({ assert }) => {
    assert.isTrue(meets(2, 3, { num: 2, den: 3 }))
    assert.isFalse(meets(66, 100, { num: 2, den: 3 }))
    assert.isTrue(meets(67, 100, { num: 2, den: 3 }))
    assert.isFalse(meets(2, 3, { num: 2, den: 3 }, 'gt'))
  })
})

test.group('committee decision: the 2/3 threshold', () => {
  test('of the members present: 4 of 6 agree passes, 3 of 6 does not', ({ assert }) => {
    const m = members(9, 6)
    assert.equal(
      run(m, votes('agree', 'agree', 'agree', 'agree', 'disagree', 'abstain')).decision,
      'passed'
    )
    const t = run(m, votes('agree', 'agree', 'agree', 'disagree', 'disagree', 'abstain'))
    assert.equal(t.decision, 'rejected')
    assert.equal(t.basis, 6)
  })

  test('of all members: 6 of 9 passes; 5 of 9 fails although it is 5 of the 7 present', ({
    assert,
  }) => {
    const r = rule({ pass: { num: 2, den: 3, basis: 'members', compare: 'gte' } })
    const m = members(9, 7)
    assert.equal(
      run(m, votes('agree', 'agree', 'agree', 'agree', 'agree', 'agree'), r).decision,
      'passed'
    )
    const t = run(m, votes('agree', 'agree', 'agree', 'agree', 'agree'), r)
    assert.equal(t.decision, 'rejected')
    assert.equal(t.basis, 9)
    assert.equal(t.counts.notVoted, 2)
  })

  test('a present member who does not vote is not a 同意', ({ assert }) => {
    const t = run(members(6, 6), votes('agree', 'agree', 'agree'))
    assert.equal(t.counts.notVoted, 3)
    assert.equal(t.decision, 'rejected')
  })

  test('"more than" 2/3: exactly 2/3 is not enough', ({ assert }) => {
    const r = rule({ pass: { num: 2, den: 3, basis: 'attendees', compare: 'gt' } })
    assert.equal(
      run(members(6, 6), votes('agree', 'agree', 'agree', 'agree', 'disagree', 'disagree'), r)
        .decision,
      'rejected'
    )
  })

  test('a ballot of an absent member (no proxy) is not counted', ({ assert }) => {
    const t = run(members(3, 2), [...votes('agree', 'disagree'), { memberId: 3, choice: 'agree' }])
    assert.equal(t.counts.agree, 1)
    assert.equal(t.decision, 'rejected')
  })
})

test.group('committee decision: chair veto', () => {
  const all = votes('disagree', 'agree', 'agree', 'agree', 'agree', 'agree')

  test('veto on: the chair’s 不同意 rejects a count that would pass', ({ assert }) => {
    const t = run(members(6, 6), all, rule({ chairVeto: true }))
    assert.isTrue(t.vetoed)
    assert.equal(t.decision, 'rejected')
    assert.include(t.reason.zh, '一票否决')
  })

  test('veto off: the chair is one vote among six', ({ assert }) => {
    assert.equal(run(members(6, 6), all).decision, 'passed')
  })

  test('veto on: the chair’s 弃权 is no veto', ({ assert }) => {
    const t = run(
      members(6, 6),
      votes('abstain', 'agree', 'agree', 'agree', 'agree', 'agree'),
      rule({ chairVeto: true })
    )
    assert.equal(t.decision, 'passed')
  })
})

test.group('committee decision: a tie', () => {
  // With a simple-majority rule (≥ 1/2 of attendees) 2 同意 : 2 不同意 meets the threshold.
  const half = { num: 1, den: 2, basis: 'attendees' as const, compare: 'gte' as const }
  const tie = votes('disagree', 'agree', 'agree', 'disagree')

  test('default: a tie is not passed', ({ assert }) => {
    const t = run(members(4, 4), tie, rule({ pass: half }))
    assert.isTrue(t.tie)
    assert.equal(t.decision, 'rejected')
  })

  test('tie "pass": the threshold decides', ({ assert }) => {
    assert.equal(run(members(4, 4), tie, rule({ pass: half, tie: 'pass' })).decision, 'passed')
  })

  test('tie "chair": the chair’s side wins', ({ assert }) => {
    const r = rule({ pass: half, tie: 'chair' })
    assert.equal(run(members(4, 4), tie, r).decision, 'rejected')
    assert.equal(
      run(members(4, 4), votes('agree', 'agree', 'disagree', 'disagree'), r).decision,
      'passed'
    )
  })

  test('a tie below a 2/3 threshold is not passed under any tie rule', ({ assert }) => {
    assert.equal(run(members(4, 4), tie, rule({ tie: 'pass' })).decision, 'rejected')
  })
})

test.group('committee decision: proxies (委托)', () => {
  test('the proxy’s ballot for the absent member counts as that member’s vote', ({ assert }) => {
    const m = members(3, 2)
    m[2] = { userId: 3, attendance: 'proxy', proxyUserId: 2 }
    const t = run(m, [...votes('agree', 'disagree'), { memberId: 3, choice: 'agree' }])
    assert.equal(t.present, 3)
    assert.equal(t.counts.agree, 2)
    assert.equal(t.decision, 'passed')
  })

  test('a delegated member whose proxy did not cast their ballot is 未投票', ({ assert }) => {
    const m = members(3, 2)
    m[2] = { userId: 3, attendance: 'proxy', proxyUserId: 2 }
    const t = run(m, votes('agree', 'agree'))
    assert.equal(t.counts.notVoted, 1)
    assert.equal(t.decision, 'passed')
  })
})

test.group('committee decision: abstention of a party to the item', () => {
  test('a party’s 同意 counts as 弃权 where parties must abstain', ({ assert }) => {
    // 3 present; member 3 is the item's 经办: without their 同意, 2 of 3 still passes,
    // with member 2 also a party, 1 of 3 does not.
    const ballots = votes('agree', 'agree', 'agree')
    assert.equal(run(members(3, 3), ballots, rule(), [3]).counts.abstain, 1)
    assert.equal(run(members(3, 3), ballots, rule(), [3]).decision, 'passed')
    assert.equal(run(members(3, 3), ballots, rule(), [2, 3]).decision, 'rejected')
  })

  test('where the rule lets parties vote, their 同意 counts', ({ assert }) => {
    const t = run(
      members(3, 3),
      votes('agree', 'agree', 'agree'),
      rule({ partyMustAbstain: false }),
      [2, 3]
    )
    assert.equal(t.counts.agree, 3)
    assert.equal(t.decision, 'passed')
  })

  test('abstentions count in the attendees basis: 3 同意, 2 弃权 of 5 is below 2/3', ({
    assert,
  }) => {
    const t = run(members(5, 5), votes('agree', 'agree', 'agree', 'abstain', 'abstain'))
    assert.equal(t.decision, 'rejected')
  })
})

test.group('committee decision: 复议', () => {
  test('not passed and more 复议 than 不同意: reconsider', ({ assert }) => {
    const t = run(members(5, 5), votes('agree', 'agree', 'reconsider', 'reconsider', 'disagree'))
    assert.equal(t.decision, 'reconsider')
  })

  test('not passed and 复议 no more than 不同意: rejected', ({ assert }) => {
    const t = run(members(5, 5), votes('agree', 'agree', 'reconsider', 'disagree', 'disagree'))
    assert.equal(t.decision, 'rejected')
  })
})
