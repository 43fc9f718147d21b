/*
| Events registered on 时效管理 by hand (催收, 承认, 起诉, 中止事由, 判决 …):
| append-only and audited; and the legal review of a post-expiry signature.
| Every lookup goes through the caller's data scope; out of scope is a 404 like a
| missing record. Other plugins' events come in through external_events.ts.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { RuleError } from '#core/plugins/rule_error'
import { dbNow } from '#core/db/db_time'
import type { limitationEventValidator } from '../validators/limitation.js'
import { scopedLoans } from './asset_list.js'
import { LimitationError } from './limitation_error.js'
import { EVENTS_TABLE, limitationFor, recordEvent } from './limitation_service.js'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export interface ScopedLoan {
  id: number
  customer_id: number
  org_id: number
}

/** The loan `id` in the caller's scope, or a 404 (checked before the body is validated). */
export async function loanInScope(access: UserAccess, id: number): Promise<ScopedLoan> {
  const loan = Number.isSafeInteger(id)
    ? await scopedLoans(access)
        .where('l.id', id)
        .select('l.id', 'l.customer_id', 'l.org_id')
        .first()
    : null
  if (!loan) throw RuleError.notFound()
  return loan
}

const refuse = (field: string, zh: string, en: string) => new LimitationError(422, zh, en, field)

/** What the validator cannot see: dates against the business date, the guarantee's loan. */
async function checkEvent(loan: ScopedLoan, input: Infer<typeof limitationEventValidator>) {
  const today = await businessDate.current()
  if (input.eventDate > today)
    throw refuse(
      'eventDate',
      `事件日期不得晚于营业日期 ${today}`,
      `The date may not be after the business date ${today}`
    )
  if (input.eventType === 'judgment' && !input.endDate)
    throw refuse('endDate', '判决须填写履行期限届满日', 'A judgment needs its performance deadline')
  if (input.endDate && input.endDate < input.eventDate)
    throw refuse('endDate', '结束日期不得早于事件日期', 'The end date may not precede the event')
  if (input.eventType === 'suspension' && input.endDate && input.endDate > today)
    throw refuse(
      'endDate',
      '障碍消除日期不得晚于营业日期；尚未消除请留空',
      'The obstacle cannot end after the business date; leave it empty while it lasts'
    )
  if (input.eventType === 'guarantor_claim') {
    const guarantee = input.guaranteeId ? await bookApi.guarantees.byId(input.guaranteeId) : null
    if (!guarantee || guarantee.loanId !== loan.id || guarantee.guaranteeType !== 'guaranty')
      throw refuse('guaranteeId', '请选择本借据的保证担保', 'Choose a guaranty of this loan')
  }
}

/** 登记时效事件: checks, records (append-only, audited) and answers the loan's new limitation. */
export async function registerEvent(
  ctx: HttpContext,
  loan: ScopedLoan,
  input: Infer<typeof limitationEventValidator>,
  operatorId: number
) {
  await checkEvent(loan, input)
  const assessment = await recordEvent(
    {
      loanId: loan.id,
      customerId: loan.customer_id,
      orgId: loan.org_id,
      type: input.eventType,
      date: input.eventDate,
      endDate: ['suspension', 'judgment'].includes(input.eventType)
        ? (input.endDate ?? null)
        : null,
      guaranteeId: input.eventType === 'guarantor_claim' ? input.guaranteeId! : null,
      signed: input.eventType === 'collection' ? Boolean(input.signed) : false,
      proofRef: input.proofRef,
      remark: input.remark ?? null,
      operatorId,
    },
    (trx, effect) =>
      audit.record(ctx, {
        action: 'disposal.limitation.event',
        entityType: 'ca_loan',
        entityId: loan.id,
        after: { ...input, effect: effect.effect, legalReview: effect.legalReview },
        detail: effect.note.slice(0, 500),
        trx,
      })
  )
  const [limitation] = await limitationFor({ loanId: loan.id })
  return { assessment, limitation }
}

/** 法律审核 of a post-expiry signature (waiver): the reviewer records the conclusion. */
export async function reviewEvent(
  ctx: HttpContext,
  access: UserAccess,
  id: number,
  reviewNote: string,
  reviewerId: number
) {
  const event = Number.isSafeInteger(id)
    ? await applyDataScope(
        db.from(`${EVENTS_TABLE} as e`).join(book.loans.as('l'), 'l.id', 'e.loan_id'),
        access,
        book.loans.scopeOf('l')
      )
        .where('e.id', id)
        .select('e.id', 'e.loan_id', 'e.legal_review')
        .first()
    : null
  if (!event) throw RuleError.notFound()
  if (event.legal_review !== 'pending')
    throw new LimitationError(
      409,
      '该事件无待审核的法律审核',
      'This event has no legal review pending'
    )
  await db.transaction(async (trx) => {
    await trx
      .from(EVENTS_TABLE)
      .where('id', event.id)
      .where('legal_review', 'pending')
      .update({ legal_review: 'reviewed', review_note: reviewNote, reviewed_by: reviewerId })
    await audit.record(ctx, {
      action: 'disposal.limitation.review',
      entityType: 'disposal_limitation_event',
      entityId: event.id,
      before: { legalReview: 'pending' },
      after: { legalReview: 'reviewed', reviewNote, reviewedAt: dbNow() },
      trx,
    })
  })
  return { id: Number(event.id), legalReview: 'reviewed', reviewNote }
}
