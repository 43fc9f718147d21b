/*
| 规则 of 批量处置 as records (batch_disposal_rules, seeded by the migration; 规则配置
| edits value and enabled). Each rule applies to the modes it lists. The
| checks below are the one evaluation of each rule — pure functions over
| numbers, unit-tested at the edges — and the pool's eligibility as SQL
| predicates for the set-based INSERT … SELECT.
|
|   loan_in_book           the loan is 存续 (active) and a managed risk asset
|   not_in_other_disposal  held by no other open application (credit-assets asset claims)
|   exclude_personal       批量转让: no personal loans (财金〔2012〕6号) unless the rule is off
|                          (the 2021 pilot lets 个人不良贷款 be transferred in batches)
|   min_households         a package holds at least N 户 (10 by 财金〔2012〕6号, 3 under the pilot)
|   dd_coverage            investigated principal ≥ N % before a package is offered
|   min_bidders            a 竞价 round counts only with at least N bidders
*/
import db from '@adonisjs/lucid/services/db'
import { Decimal } from 'decimal.js'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { RULES } from './store.js'

export const RULE_CODES = [
  'loan_in_book',
  'not_in_other_disposal',
  'exclude_personal',
  'min_households',
  'dd_coverage',
  'min_bidders',
] as const
export type RuleCode = (typeof RULE_CODES)[number]

export interface Rule {
  code: RuleCode
  name: string
  modes: string[]
  value: string
  enabled: boolean
  basis: string
}

export async function loadRules(client: Pick<QueryClientContract, 'from'> = db) {
  const rows = await client.from(RULES).orderBy('id')
  return rows.map((r: any): Rule => ({
    code: r.code,
    name: r.name,
    modes: String(r.modes).split(',').filter(Boolean),
    value: String(r.value),
    enabled: Boolean(r.enabled),
    basis: r.basis,
  }))
}

/** The rule when it is on for the mode, else null. */
export function ruleFor(rules: Rule[], code: RuleCode, mode: string) {
  const rule = rules.find((r) => r.code === code)
  return rule && rule.enabled && rule.modes.includes(mode) ? rule : null
}

/** 最少户数: the distinct debtors of a package against the rule's N. */
export function checkHouseholds(households: number, minimum: number | null) {
  if (minimum === null || households >= minimum) return null
  return `资产包仅 ${households} 户，少于规则要求的 ${minimum} 户`
}

/** 尽调覆盖: investigated principal / all principal (fen strings) against N %. */
export function coverageOf(investigatedFen: string, totalFen: string) {
  const total = new Decimal(totalFen)
  if (total.isZero()) return new Decimal(0)
  return new Decimal(investigatedFen).times(100).dividedBy(total)
}

export function checkCoverage(investigatedFen: string, totalFen: string, percent: string | null) {
  if (percent === null) return null
  const coverage = coverageOf(investigatedFen, totalFen)
  if (coverage.greaterThanOrEqualTo(new Decimal(percent))) return null
  return `已尽调资产本金占比 ${coverage.toDecimalPlaces(2, Decimal.ROUND_DOWN).toString()}%，低于规则要求的 ${percent}%`
}

/** 最少竞买人: distinct bidders of a round against N. */
export function checkBidders(bidders: number, minimum: number | null) {
  if (minimum === null || bidders >= minimum) return null
  return `本轮仅 ${bidders} 家竞买人出价，少于规则要求的 ${minimum} 家，竞价无效`
}

export const ruleNumber = (rule: Rule | null) => (rule ? Number(rule.value) : null)

/** Validates a new value for a rule: whole numbers where a count or percent is meant. */
export function checkRuleValue(code: RuleCode, value: string) {
  if (['min_households', 'min_bidders'].includes(code))
    return /^[1-9]\d{0,3}$/.test(value) ? null : '请输入 1–9999 的整数'
  if (code === 'dd_coverage')
    return /^(100|[1-9]?\d)(\.\d{1,2})?$/.test(value) && Number(value) <= 100
      ? null
      : '请输入 0–100 的百分比（至多两位小数）'
  return value === 'true' ? null : '该规则只能启用或停用'
}
