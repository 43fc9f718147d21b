import { describe, expect, it } from 'vitest'
import { ruleSummary } from './rule_text'
import type { Rule } from './api'

const shipped: Rule = {
  meetingType: 'hq',
  quorum: { num: 2, den: 3 },
  pass: { num: 2, den: 3, basis: 'attendees', compare: 'gte' },
  options: ['agree', 'disagree', 'abstain', 'reconsider'],
  chairVeto: false,
  ballot: 'named',
  partyMustAbstain: true,
  tie: 'reject',
}

describe('议事规则 in one line', () => {
  it('reads the shipped rule in Chinese', () => {
    expect(ruleSummary(shipped, 'zh-CN')).toBe(
      '出席 ≥ 2/3；同意达到出席委员2/3通过；平票不通过；记名表决；利害关系委员回避'
    )
  })
  it('names veto, anonymous ballot, "more than" of all members and the chair’s casting vote', () => {
    const rule: Rule = {
      ...shipped,
      pass: { num: 1, den: 2, basis: 'members', compare: 'gt' },
      chairVeto: true,
      ballot: 'anonymous',
      partyMustAbstain: false,
      tie: 'chair',
    }
    expect(ruleSummary(rule, 'zh-CN')).toBe(
      '出席 ≥ 2/3；同意超过全体委员1/2通过；平票由主任委员决定；主任委员一票否决；无记名表决'
    )
    expect(ruleSummary(rule, 'en')).toBe(
      'quorum ≥ 2/3; passed with > 1/2 of members; tie: chair; chair veto; anonymous'
    )
  })
  it('is empty without a rule', () => {
    expect(ruleSummary(null, 'zh-CN')).toBe('')
  })
})
