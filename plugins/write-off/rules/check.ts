/*
| The one place a write-off condition is evaluated: a subject (a loan or a
| credit-card account) against a rule record and the evidence on file. Pure, so
| the unit tests read like the rule (band edges, days).
|
| A rule applies when the subject's kind fits, its principal is at most the
| ceiling (the ceiling itself qualifies) and it is overdue at least the minimum
| days; it is satisfied when it applies and every required document is on file.
*/
import type { EvidenceDoc } from './default_rules.js'

export interface RuleRecord {
  code: string
  name: string
  basis: string
  appliesTo: 'loan' | 'card' | 'any'
  maxBalanceFen: string | null
  minOverdueDays: number | null
  requiredDocs: EvidenceDoc[]
  enabled: boolean
}

export interface SubjectFacts {
  kind: 'loan' | 'card'
  /** 本金 (loan balance / 透支本金), fen. */
  principalFen: string
  overdueDays: number
}

export interface Finding {
  ruleCode: string
  ruleName: string
  applicable: boolean
  /** Why the rule does not apply (empty when it does). */
  notApplicable: string[]
  missing: EvidenceDoc[]
  satisfied: boolean
}

const yuanOf = (fen: string) => {
  const n = BigInt(fen)
  const abs = n < 0n ? -n : n
  return `${n < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

export function checkRule(
  rule: RuleRecord,
  subject: SubjectFacts,
  docCodes: Iterable<string>
): Finding {
  const notApplicable: string[] = []
  if (!rule.enabled) notApplicable.push('该核销条件已停用')
  if (rule.appliesTo !== 'any' && rule.appliesTo !== subject.kind)
    notApplicable.push(rule.appliesTo === 'loan' ? '仅适用于贷款' : '仅适用于信用卡')
  if (rule.maxBalanceFen !== null && BigInt(subject.principalFen) > BigInt(rule.maxBalanceFen))
    notApplicable.push(`本金余额超过 ${yuanOf(rule.maxBalanceFen)} 元`)
  if (rule.minOverdueDays !== null && subject.overdueDays < rule.minOverdueDays)
    notApplicable.push(`逾期（追索）不足 ${rule.minOverdueDays} 天`)
  const have = new Set(docCodes)
  const missing = rule.requiredDocs.filter((d) => !have.has(d.code))
  const applicable = notApplicable.length === 0
  return {
    ruleCode: rule.code,
    ruleName: rule.name,
    applicable,
    notApplicable,
    missing,
    satisfied: applicable && missing.length === 0,
  }
}

/** The refusal text naming the rule, e.g. for a submission with missing evidence. */
export function describeGap(subjectNo: string, finding: Finding) {
  const parts = [...finding.notApplicable]
  if (finding.missing.length) parts.push(`缺少：${finding.missing.map((d) => d.name).join('、')}`)
  return `${subjectNo} 不满足核销条件「${finding.ruleName}」：${parts.join('；')}`
}
