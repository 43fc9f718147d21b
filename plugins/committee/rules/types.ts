/*
| A meeting type's rule (议事规则), as stored in committee_rules and snapshotted
| into the meeting when it opens. Fractions are integers (num/den): every
| comparison cross-multiplies, so "2/3" is exact, never 0.666….
*/
export type VoteOption = 'agree' | 'disagree' | 'abstain' | 'reconsider'
export const VOTE_OPTIONS: VoteOption[] = ['agree', 'disagree', 'abstain', 'reconsider']

export interface Fraction {
  num: number
  den: number
}

export interface CommitteeRule {
  meetingType: string
  /** Members present (in person or by proxy) must be ≥ quorum × members. */
  quorum: Fraction
  pass: Fraction & {
    /** Whom the fraction is of: the members present (attendees) or all members. */
    basis: 'attendees' | 'members'
    /** ≥ or > the fraction. */
    compare: 'gte' | 'gt'
  }
  /** Options on the ballot; always 同意 and 不同意. */
  options: VoteOption[]
  /** The chair's 不同意 rejects the item whatever the count (一票否决). */
  chairVeto: boolean
  /** anonymous: who voted what is never shown (the count is). */
  ballot: 'named' | 'anonymous'
  /** A member who is party to the item may only abstain (回避). */
  partyMustAbstain: boolean
  /** An equal number of 同意 and 不同意 that meets the threshold: reject (default), pass, or the chair's vote decides. */
  tie: 'reject' | 'pass' | 'chair'
}
