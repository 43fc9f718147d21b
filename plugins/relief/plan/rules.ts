/*
| 减免业务规则: configurable records (relief_rules, edited on the 减免规则 page
| by holders of relief:rule:update), checked when a plan is submitted.
| Each failure names its rule. One function per rule kind; the record gives the
| parameters and whether it applies (enabled).
|
| - principal_head_office  本金减免须总行审批: relieving principal needs the permission
|   `params.permission` and goes through the head-office approval chain (relief:plan-principal).
| - min_five_class         次级及以下方可减免: every loan at `params.minClass` or worse.
| - interest_percent       减免利息不超过应收利息的 `params.percent`%, unless the committee
|   (资产处置委员会) decided the plan: above it the plan goes to the committee first.
| - guarantor_release      保证人减免不免除借款人责任, unless stated: a guarantor's plan
|   that releases the borrower must say so in its conditions (条件).
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Decimal } from 'decimal.js'
import { dbNow } from '#core/db/db_time'
import { classRank, isFiveClass } from '../../credit-assets/rules/five_class.js'

export interface RuleRecord {
  id: number
  code: RuleCode
  name: string
  params: Record<string, string>
  enabled: boolean
}

export type RuleCode =
  'principal_head_office' | 'min_five_class' | 'interest_percent' | 'guarantor_release'

/** The one parameter each rule takes (edited on the 减免规则 page), or none. */
export const RULE_PARAM: Record<RuleCode, string | null> = {
  principal_head_office: 'permission',
  min_five_class: 'minClass',
  interest_percent: 'percent',
  guarantor_release: null,
}

export const DEFAULT_RULES: { code: RuleCode; name: string; params: Record<string, string> }[] = [
  {
    code: 'principal_head_office',
    name: '本金减免须总行审批',
    params: { permission: 'relief:plan:principal' },
  },
  {
    code: 'min_five_class',
    name: '贷款须为次级及以下方可减免',
    params: { minClass: 'substandard' },
  },
  {
    code: 'interest_percent',
    name: '减免利息不超过应收利息比例，超过须上会',
    params: { percent: '50' },
  },
  { code: 'guarantor_release', name: '保证人减免不免除借款人责任（除非明确约定）', params: {} },
]

export async function readRules(client: TransactionClientContract | any): Promise<RuleRecord[]> {
  let rows = await client.from('relief_rules').orderBy('id')
  if (!rows.length) {
    // First use: the defaults become records an administrator then edits.
    const now = dbNow()
    await client.table('relief_rules').multiInsert(
      DEFAULT_RULES.map((r) => ({
        code: r.code,
        name: r.name,
        params: JSON.stringify(r.params),
        enabled: true,
        created_at: now,
        updated_at: now,
      }))
    )
    rows = await client.from('relief_rules').orderBy('id')
  }
  return rows.map((r: any) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    params: JSON.parse(r.params),
    enabled: Boolean(r.enabled),
  }))
}

export interface RuleFacts {
  debtorRole: 'borrower' | 'guarantor'
  releasesBorrower: boolean
  conditions: string | null
  reliefPrincipalFen: bigint
  reliefInterestFen: bigint
  interestOwedFen: bigint
  loans: { loanNo: string; fiveClass: string }[]
  committeeDecision: string | null
  permissions: { has(code: string): boolean }
}

export interface RuleFailure {
  rule: RuleCode
  ruleName: string
  status: 422 | 409
  zh: string
  en: string
}

export interface RuleOutcome {
  failures: RuleFailure[]
  /** interest_percent exceeded and no committee decision yet: the plan goes to the committee. */
  needsCommittee: RuleRecord | null
  /** principal_head_office: the plan takes the head-office chain. */
  headOffice: boolean
}

export function checkRules(rules: RuleRecord[], facts: RuleFacts): RuleOutcome {
  const outcome: RuleOutcome = { failures: [], needsCommittee: null, headOffice: false }
  for (const rule of rules.filter((r) => r.enabled)) {
    const fail = (status: 422 | 409, zh: string, en: string) =>
      outcome.failures.push({ rule: rule.code, ruleName: rule.name, status, zh, en })
    switch (rule.code) {
      case 'principal_head_office':
        if (facts.reliefPrincipalFen > 0n) {
          outcome.headOffice = true
          const permission = rule.params.permission ?? 'relief:plan:principal'
          if (!facts.permissions.has(permission))
            fail(422, `${rule.name}：您没有本金减免权限`, 'Principal relief needs the permission')
        }
        break
      case 'min_five_class': {
        const min = rule.params.minClass
        if (!isFiveClass(min)) break
        for (const loan of facts.loans) {
          if (!isFiveClass(loan.fiveClass) || classRank(loan.fiveClass) < classRank(min))
            fail(
              422,
              `${rule.name}：借据 ${loan.loanNo} 的五级分类未达到要求`,
              `Loan ${loan.loanNo} is not classified ${min} or worse`
            )
        }
        break
      }
      case 'interest_percent': {
        const limit = new Decimal(facts.interestOwedFen.toString())
          .times(rule.params.percent ?? '0')
          .dividedBy(100)
        const over = new Decimal(facts.reliefInterestFen.toString()).greaterThan(limit)
        if (!over) break
        if (facts.committeeDecision === 'rejected')
          fail(409, `${rule.name}：审委会已否决`, 'The committee rejected the plan')
        else if (facts.committeeDecision !== 'passed') outcome.needsCommittee = rule
        break
      }
      case 'guarantor_release':
        if (
          facts.debtorRole === 'guarantor' &&
          facts.releasesBorrower &&
          !(facts.conditions ?? '').includes('免除借款人')
        )
          fail(
            422,
            `${rule.name}：方案条件须明确写明“免除借款人”责任`,
            'Releasing the borrower must be stated in the conditions'
          )
        break
    }
  }
  return outcome
}
