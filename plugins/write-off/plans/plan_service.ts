/*
| 核销方案申报 (single) and 批量核销方案申报 (many subjects): create a draft
| holding its subjects, submit it through the core workflow (type
| `write-off:plan`, amount = the total for the 授权 tiers) once every subject
| meets its rule with all evidence on file; the workflow's decision comes back
| through workflow/plan_handler.ts, and — where the amount rule says — the
| plan goes on to the 资产处置委员会 before it may be replied to (批复).
|
| One open plan per subject: a row in write_off_locks keyed by the subject
| (primary key), so two plans racing for one loan cannot both hold it (409).
| A plan's loans are also claimed through credit-assets' asset claims (one
| holder per loan across plugins), so a loan in a 批量转让 pool or another
| plugin's open application is refused with a 409 naming it, and a loan in an
| open plan is never pooled elsewhere; the claims go when the plan closes.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { assetClaims, AssetClaimError } from '../../credit-assets/services/asset_claims.js'
import { checkSubjects } from '../rules/findings.js'
import { describeGap } from '../rules/check.js'
import {
  readSubjects,
  subjectKey,
  subjectTotalFen,
  type Subject,
  type SubjectRef,
} from './subjects.js'
import { ITEMS, LOCKS, PLANS, planRow } from './plan_store.js'
import { WriteOffError } from './write_off_error.js'
import type { PlanStatus } from './dictionaries.js'

export const PLAN_WORKFLOW_TYPE = 'write-off:plan'
export const COMMITTEE_THRESHOLD = 'write-off.committeeThreshold'

export interface PlanItemInput extends SubjectRef {
  ruleCode: string
}

export interface PlanInput {
  kind: 'single' | 'batch'
  title: string
  reasons: string
  reviewId?: number | null
  items: PlanItemInput[]
}

const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  error?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
  /UNIQUE constraint failed|Duplicate entry/i.test(String(error?.message))

/** A subject already written off, or held by another open plan, is a 409 naming it. */
async function assertFree(trx: TransactionClientContract, subjects: Subject[]) {
  const done = subjects.find((s) => s.status === 'written_off')
  if (done) throw new WriteOffError(409, `${done.no} 已核销，不能再次申报`)
  const closed = subjects.find((s) => s.status !== 'active')
  if (closed) throw new WriteOffError(422, `${closed.no} 状态为 ${closed.status}，不能申报核销`)
  const keys = subjects.map((s) => subjectKey(s))
  for (let i = 0; i < keys.length; i += 1000) {
    const held = await trx
      .from(`${LOCKS} as k`)
      .join(`${PLANS} as p`, 'p.id', 'k.plan_id')
      .whereIn('k.subject_key', keys.slice(i, i + 1000))
      .select('k.subject_key', 'p.plan_no')
      .first()
    if (held) {
      const s = subjects.find((x) => subjectKey(x) === held.subject_key)!
      throw new WriteOffError(409, `${s.no} 已在核销方案 ${held.plan_no} 中`)
    }
  }
}

async function lockSubjects(trx: TransactionClientContract, planId: number, subjects: Subject[]) {
  try {
    for (let i = 0; i < subjects.length; i += 1000)
      await trx
        .table(LOCKS)
        .multiInsert(
          subjects.slice(i, i + 1000).map((s) => ({ subject_key: subjectKey(s), plan_id: planId }))
        )
  } catch (error) {
    if (isDuplicate(error)) throw new WriteOffError(409, '所选借据已在另一核销方案中')
    throw error
  }
}

const claimOwner = (planId: number, planNo: string) => ({
  holder: 'write-off',
  ref: `plan:${planId}`,
  label: `核销方案 ${planNo}`,
})

/** The plan's loans claimed across plugins; held elsewhere → 409 naming the holder. */
async function claimLoans(
  trx: TransactionClientContract,
  planId: number,
  planNo: string,
  subjects: Subject[]
) {
  const loanIds = subjects.filter((s) => s.kind === 'loan').map((s) => s.id)
  try {
    await assetClaims.claim(trx, claimOwner(planId, planNo), loanIds)
  } catch (error) {
    if (error instanceof AssetClaimError) throw new WriteOffError(409, error.zh)
    throw error
  }
}

export async function releaseSubjects(trx: TransactionClientContract, planId: number) {
  await trx.from(LOCKS).where('plan_id', planId).delete()
  await assetClaims.release(trx, claimOwner(planId, ''))
}

async function resolve(access: UserAccess, input: PlanInput) {
  const unique = new Map(input.items.map((i) => [subjectKey(i), i]))
  if (unique.size !== input.items.length) throw new WriteOffError(422, '同一借据不能重复选择')
  if (input.kind === 'single' && unique.size !== 1)
    throw new WriteOffError(422, '单笔核销方案只能选择一笔借据或卡账户')
  const found = await readSubjects(input.items, { access })
  const missing = input.items.find((i) => !found.has(subjectKey(i)))
  if (missing) throw new WriteOffError(404, '借据或卡账户不存在或无权访问')
  return input.items.map((i) => ({ subject: found.get(subjectKey(i))!, ruleCode: i.ruleCode }))
}

/** 保存草稿: the plan and its subjects' figures as the book shows them now. Returns the id. */
export async function createPlan(access: UserAccess, input: PlanInput) {
  const items = await resolve(access, input)
  // Unknown rule codes are a 422 before anything is written.
  await checkSubjects(items)
  const total = items.reduce((sum, i) => sum + BigInt(subjectTotalFen(i.subject)), 0n)
  return db.transaction(async (trx) => {
    await assertFree(
      trx,
      items.map((i) => i.subject)
    )
    const now = dbNow()
    const [id] = await trx.table(PLANS).insert({
      plan_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      kind: input.kind,
      title: input.title,
      reasons: input.reasons,
      org_id: access.user.orgId,
      created_by: access.user.id,
      status: 'draft',
      item_count: items.length,
      total_fen: String(total),
      review_id: input.reviewId ?? null,
      created_at: now,
      updated_at: now,
    })
    const planId = Number(id)
    const planNo = `HXFA${DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')}${String(planId).padStart(6, '0')}`
    await trx.from(PLANS).where('id', planId).update({ plan_no: planNo })
    await lockSubjects(
      trx,
      planId,
      items.map((i) => i.subject)
    )
    await claimLoans(
      trx,
      planId,
      planNo,
      items.map((i) => i.subject)
    )
    for (let i = 0; i < items.length; i += 500)
      await trx.table(ITEMS).multiInsert(
        items.slice(i, i + 500).map(({ subject: s, ruleCode }) => ({
          plan_id: planId,
          subject_kind: s.kind,
          subject_id: s.id,
          subject_no: s.no,
          customer_id: s.customerId,
          customer_name: s.customerName.slice(0, 200),
          org_id: s.orgId,
          manager_id: s.managerId,
          rule_code: ruleCode,
          principal_fen: s.principalFen,
          on_balance_interest_fen: s.onBalanceInterestFen,
          off_balance_interest_fen: s.offBalanceInterestFen,
          fee_fen: s.feeFen,
        }))
      )
    return planId
  })
}

/** Whether the total reaches the committee's threshold (参数 write-off.committeeThreshold). */
export async function needsCommittee(totalFen: string) {
  const threshold = Money.fromYuan(await settings.raw(COMMITTEE_THRESHOLD))
  return Money.fromFen(totalFen).compare(threshold) >= 0
}

/**
 * 提交审批: every subject must meet its rule with the evidence on file (422 naming
 * the rule and what is missing); then pending, and the workflow instance opens.
 */
export async function submitPlan(access: UserAccess, planId: number) {
  const plan = await planRow(access, planId)
  if (Number(plan.created_by) !== access.user.id)
    throw new WriteOffError(422, '只有申报人可以提交该核销方案')
  if (!['draft', 'returned'].includes(plan.status))
    throw new WriteOffError(409, '核销方案已提交，不能重复提交')
  const items = await db
    .from(ITEMS)
    .where('plan_id', planId)
    .select('subject_kind', 'subject_id', 'rule_code')
  const found = await readSubjects(
    items.map((i) => ({ kind: i.subject_kind, id: Number(i.subject_id) })),
    { access }
  )
  const gone = items.find((i) => !found.has(`${i.subject_kind}:${i.subject_id}`))
  if (gone) throw new WriteOffError(404, '借据或卡账户不存在或无权访问')
  const checked = await checkSubjects(
    items.map((i) => ({
      subject: found.get(`${i.subject_kind}:${i.subject_id}`)!,
      ruleCode: i.rule_code,
    }))
  )
  const gaps = checked.filter((c) => !c.finding.satisfied)
  if (gaps.length) {
    const shown = gaps.slice(0, 5).map((g) => describeGap(g.subject.no, g.finding))
    const more = gaps.length > 5 ? `；另有 ${gaps.length - 5} 笔不满足` : ''
    throw new WriteOffError(422, shown.join('；') + more)
  }
  const committee = await needsCommittee(String(plan.total_fen))
  await db.transaction(async (trx) => {
    const moved = await trx
      .from(PLANS)
      .where('id', planId)
      .whereIn('status', ['draft', 'returned'])
      .update({
        status: 'pending',
        committee_required: committee,
        submitted_at: dbNow(),
        updated_at: dbNow(),
      })
    if (!Number(Array.isArray(moved) ? moved[0] : moved))
      throw new WriteOffError(409, '核销方案已提交，不能重复提交')
    await submitForApproval({
      type: PLAN_WORKFLOW_TYPE,
      businessId: String(planId),
      title: `核销方案 ${plan.plan_no} ${plan.title}`,
      amount: Money.fromFen(String(plan.total_fen)).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
  })
}

/** Moves a plan from one of `from` to `to`, or throws (the workflow's decision rolls back). */
export async function movePlan(
  trx: TransactionClientContract,
  planId: number,
  from: PlanStatus[],
  to: PlanStatus,
  extra: Record<string, unknown> = {}
) {
  const plan = await trx.from(PLANS).where('id', planId).forUpdate().first()
  if (!plan) throw new WriteOffError(404, '核销方案不存在')
  if (!from.includes(plan.status))
    throw new WriteOffError(409, `核销方案 ${plan.plan_no} 当前状态不能办理该操作`)
  await trx
    .from(PLANS)
    .where('id', planId)
    .update({ status: to, ...extra, updated_at: dbNow() })
  if (['rejected', 'withdrawn'].includes(to)) await releaseSubjects(trx, planId)
  return plan
}
