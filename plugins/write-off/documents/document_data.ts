/*
| What the four documents print: 审查意见书, 核销报告, 核销批复 and 贷款核销通知单.
| Names (rules, orgs, people, dictionary labels) are resolved here; the
| templates only place escaped text (`{{x}}`) and yuan through the `yuan` helper.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { Money } from '#core/money/money'
import { loadRules } from '../rules/rule_store.js'
import type { reviewDetail } from '../reviews/review_service.js'
import type { itemPlain, planPlain } from '../plans/plan_store.js'

type Plan = ReturnType<typeof planPlain>
type Item = ReturnType<typeof itemPlain>

const today = () => DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy年M月d日')
const dateZh = (d: string | null) => (d ? DateTime.fromISO(d).toFormat('yyyy年M月d日') : '')

async function labels(type: string) {
  const { data } = await dictionariesCache.current()
  return new Map((data[type] ?? []).map((i) => [i.code, i.label.zh]))
}

async function ruleNames() {
  return new Map((await loadRules()).map((r) => [r.code, r]))
}

async function orgName(id: number) {
  return (await db.from('orgs').where('id', id).select('name').first())?.name ?? ''
}

async function userName(id: number | null) {
  if (!id) return ''
  const u = await db.from('users').where('id', id).select('real_name', 'username').first()
  return u?.real_name ?? u?.username ?? ''
}

export async function reviewDocumentData(review: Awaited<ReturnType<typeof reviewDetail>>) {
  const rules = await ruleNames()
  const kinds = await labels('write_off_subject_kind')
  return {
    reviewNo: review.reviewNo,
    orgName: await orgName(review.orgId),
    reviewer: await userName(review.createdBy),
    printedOn: today(),
    conclusion:
      review.conclusion === 'pass'
        ? '符合核销条件'
        : review.conclusion === 'fail'
          ? '不符合核销条件'
          : '尚未出具结论',
    opinion: review.opinion ?? '',
    items: review.items.map((i) => ({
      subjectNo: i.subjectNo,
      kind: kinds.get(i.subjectKind) ?? i.subjectKind,
      customerName: i.customerName,
      balance: i.balance,
      rule: rules.get(i.ruleCode)?.name ?? i.ruleCode,
      basis: rules.get(i.ruleCode)?.basis ?? '',
      result: i.satisfied ? '满足' : '不满足',
      gaps: [
        ...i.finding.notApplicable,
        ...i.finding.missing.map((d: { name: string }) => `缺少${d.name}`),
      ].join('；'),
    })),
  }
}

async function itemsData(items: Item[]) {
  const rules = await ruleNames()
  const kinds = await labels('write_off_subject_kind')
  return items.map((i) => ({
    ...i,
    kind: kinds.get(i.subjectKind) ?? i.subjectKind,
    rule: rules.get(i.ruleCode)?.name ?? i.ruleCode,
    basis: rules.get(i.ruleCode)?.basis ?? '',
  }))
}

const sum = (
  items: Item[],
  key: 'principal' | 'onBalanceInterest' | 'offBalanceInterest' | 'fee' | 'total'
) => Money.sum(items.map((i) => Money.fromYuan(i[key]))).toYuan()

async function planHeader(plan: Plan, items: Item[]) {
  const kinds = await labels('write_off_plan_kind')
  return {
    ...plan,
    kindLabel: kinds.get(plan.kind) ?? plan.kind,
    orgName: await orgName(plan.orgId),
    applicant: await userName(plan.createdBy),
    printedOn: today(),
    totals: {
      principal: sum(items, 'principal'),
      onBalanceInterest: sum(items, 'onBalanceInterest'),
      offBalanceInterest: sum(items, 'offBalanceInterest'),
      fee: sum(items, 'fee'),
      total: sum(items, 'total'),
    },
  }
}

/** 核销报告: the plan, its subjects and conditions, and the committee's decision if any. */
export async function reportDocumentData(plan: Plan, items: Item[]) {
  return {
    ...(await planHeader(plan, items)),
    items: await itemsData(items),
    committee: plan.committeeResult
      ? {
          result: plan.committeeResult === 'passed' ? '审议通过' : '审议未通过',
          decidedOn: dateZh(plan.committeeDecidedOn),
          remark: plan.committeeRemark ?? '',
        }
      : null,
  }
}

/** 核销批复 (numbered per year). */
export async function replyDocumentData(plan: Plan, items: Item[]) {
  return {
    ...(await planHeader(plan, items)),
    repliedOnZh: dateZh(plan.repliedOn),
    items: await itemsData(items),
  }
}

/** 贷款核销通知单: one notice per subject, with its postings' state. */
export async function noticeDocumentData(
  plan: Plan,
  items: Item[],
  postings: Array<{
    subjectNo: string
    kind: string
    amount: string
    status: string
    postingNo: string | null
  }>
) {
  const kinds = await labels('write_off_posting_kind')
  const states: Record<string, string> = { sent: '已记账', pending: '记账中', dead: '被拒绝' }
  return {
    ...(await planHeader(plan, items)),
    repliedOnZh: dateZh(plan.repliedOn),
    notices: (await itemsData(items)).map((i) => ({
      ...i,
      postings: postings
        .filter((p) => p.subjectNo === i.subjectNo)
        .map((p) => ({
          ...p,
          kindLabel: kinds.get(p.kind) ?? p.kind,
          state: states[p.status] ?? p.status,
        })),
    })),
  }
}
