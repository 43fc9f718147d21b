/*
| 合规审查: the reviewer picks subjects (one or many) and the condition each is
| to be written off under; the system checks every rule against the evidence
| on file and lists what is missing; the reviewer records the opinion and the
| conclusion, and the 审查意见书 prints from it. A re-check (after evidence
| arrives) refreshes the findings until the opinion is recorded.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { checkSubjects, type Checked } from '../rules/findings.js'
import { readSubjects, subjectKey, type SubjectRef } from '../plans/subjects.js'
import { WriteOffError } from '../plans/write_off_error.js'

export const REVIEWS = 'write_off_reviews'
export const REVIEW_ITEMS = 'write_off_review_items'

export function scopedReviews(access: UserAccess) {
  return applyDataScope(db.from(`${REVIEWS} as r`), access, {
    orgColumn: 'r.org_id',
    ownerColumn: 'r.created_by',
  })
}

async function checked(access: UserAccess, items: Array<SubjectRef & { ruleCode: string }>) {
  const found = await readSubjects(items, { access })
  const missing = items.find((i) => !found.has(subjectKey(i)))
  if (missing) throw new WriteOffError(404, '借据或卡账户不存在或无权访问')
  return checkSubjects(
    items.map((i) => ({ subject: found.get(subjectKey(i))!, ruleCode: i.ruleCode }))
  )
}

const itemRow = (reviewId: number, c: Checked) => ({
  review_id: reviewId,
  subject_kind: c.subject.kind,
  subject_id: c.subject.id,
  subject_no: c.subject.no,
  customer_name: c.subject.customerName.slice(0, 200),
  rule_code: c.finding.ruleCode,
  balance_fen: c.subject.principalFen,
  satisfied: c.finding.satisfied,
  findings: JSON.stringify(c.finding),
})

export async function createReview(
  access: UserAccess,
  items: Array<SubjectRef & { ruleCode: string }>
) {
  if (new Set(items.map(subjectKey)).size !== items.length)
    throw new WriteOffError(422, '同一借据不能重复选择')
  const results = await checked(access, items)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table(REVIEWS).insert({
      review_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      org_id: access.user.orgId,
      created_by: access.user.id,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const reviewId = Number(id)
    await trx
      .from(REVIEWS)
      .where('id', reviewId)
      .update({
        review_no: `HXSC${DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')}${String(reviewId).padStart(6, '0')}`,
      })
    for (let i = 0; i < results.length; i += 500)
      await trx
        .table(REVIEW_ITEMS)
        .multiInsert(results.slice(i, i + 500).map((c) => itemRow(reviewId, c)))
    return reviewId
  })
}

export async function reviewRow(access: UserAccess, id: number) {
  const row = Number.isSafeInteger(id)
    ? await scopedReviews(access).where('r.id', id).select('r.*').first()
    : null
  if (!row) throw new WriteOffError(404, '合规审查不存在或无权访问')
  return row
}

/** Re-runs the check (evidence may have arrived); only while the opinion is not recorded. */
export async function recheckReview(access: UserAccess, id: number) {
  const review = await reviewRow(access, id)
  if (review.status !== 'draft') throw new WriteOffError(409, '审查意见已出具，不能重新检查')
  const items = await db.from(REVIEW_ITEMS).where('review_id', id)
  const results = await checked(
    access,
    items.map((i) => ({ kind: i.subject_kind, id: Number(i.subject_id), ruleCode: i.rule_code }))
  )
  await db.transaction(async (trx) => {
    await trx.from(REVIEW_ITEMS).where('review_id', id).delete()
    await trx.table(REVIEW_ITEMS).multiInsert(results.map((c) => itemRow(id, c)))
    await trx.from(REVIEWS).where('id', id).update({ updated_at: dbNow() })
  })
}

export async function completeReview(
  access: UserAccess,
  id: number,
  input: { conclusion: 'pass' | 'fail'; opinion: string }
) {
  const review = await reviewRow(access, id)
  if (review.status !== 'draft') throw new WriteOffError(409, '审查意见已出具')
  if (input.conclusion === 'pass') {
    const open = await db
      .from(REVIEW_ITEMS)
      .where('review_id', id)
      .where('satisfied', false)
      .first()
    if (open)
      throw new WriteOffError(
        422,
        `${open.subject_no} 尚不满足所选核销条件，审查结论不能为"符合核销条件"`
      )
  }
  await db.from(REVIEWS).where('id', id).where('status', 'draft').update({
    status: 'completed',
    conclusion: input.conclusion,
    opinion: input.opinion,
    reviewed_at: dbNow(),
    updated_at: dbNow(),
  })
}

export async function reviewDetail(access: UserAccess, id: number) {
  const r = await reviewRow(access, id)
  const items = await db
    .from(REVIEW_ITEMS)
    .where('review_id', id)
    .orderBy('id')
    .select('*', db.raw('CAST(balance_fen AS CHAR) as balance_text'))
  return {
    id: Number(r.id),
    reviewNo: r.review_no,
    orgId: Number(r.org_id),
    createdBy: Number(r.created_by),
    status: r.status,
    conclusion: r.conclusion ?? null,
    opinion: r.opinion ?? null,
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    items: items.map((i) => ({
      id: Number(i.id),
      subjectKind: i.subject_kind,
      subjectId: Number(i.subject_id),
      subjectNo: i.subject_no,
      customerName: i.customer_name,
      ruleCode: i.rule_code,
      balance: Money.fromFen(i.balance_text).toYuan(),
      satisfied: Boolean(i.satisfied),
      finding: JSON.parse(i.findings),
    })),
  }
}
