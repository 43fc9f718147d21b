/* The rule in one line, for the meeting page and 议事规则 (the PDFs have the server's). */
import type { AppLocale } from '@/i18n'
import type { Rule } from './api'

export function ruleSummary(rule: Rule | null, locale: AppLocale) {
  if (!rule) return ''
  const zh = locale !== 'en'
  const frac = (f: { num: number; den: number }) => `${f.num}/${f.den}`
  const parts = zh
    ? [
        `出席 ≥ ${frac(rule.quorum)}`,
        `同意${rule.pass.compare === 'gt' ? '超过' : '达到'}${rule.pass.basis === 'members' ? '全体委员' : '出席委员'}${frac(rule.pass)}通过`,
        { reject: '平票不通过', pass: '平票按比例', chair: '平票由主任委员决定' }[rule.tie],
        rule.chairVeto ? '主任委员一票否决' : '',
        rule.ballot === 'anonymous' ? '无记名表决' : '记名表决',
        rule.partyMustAbstain ? '利害关系委员回避' : '',
      ]
    : [
        `quorum ≥ ${frac(rule.quorum)}`,
        `passed with ${rule.pass.compare === 'gt' ? '>' : '≥'} ${frac(rule.pass)} of ${rule.pass.basis}`,
        `tie: ${rule.tie}`,
        rule.chairVeto ? 'chair veto' : '',
        rule.ballot,
        rule.partyMustAbstain ? 'parties abstain' : '',
      ]
  return parts.filter(Boolean).join(zh ? '；' : '; ')
}
