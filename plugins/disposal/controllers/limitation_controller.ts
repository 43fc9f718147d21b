import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf, type UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import {
  limitationEventValidator,
  limitationListValidator,
  limitationReviewValidator,
} from '../validators/limitation.js'
import {
  calendarFor,
  computeLoans,
  DATES_TABLE,
  EVENTS_TABLE,
  limitationFor,
  recordEvent,
} from '../limitation/limitation_service.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { LIKE, likeContains } from '#core/db/like'

/*
| 时效管理: the risk assets with their limitation dates, one loan's periods and
| events, registering an event (append-only, audited) and the legal review of a
| post-expiry signature. Every lookup goes through the data scope of the
| permission in use; out of scope is a 404 like a missing record.
*/
const SORTS: Record<string, string> = {
  endDate: 'COALESCE(enf.end_date, lit.end_date)',
  loanNo: 'l.loan_no',
  overdueDays: 'l.overdue_days',
  balance: 'l.balance_fen',
}

const fieldError = (ctx: HttpContext, field: string, message: string) =>
  ctx.response.status(422).send({
    message: ctx.i18n('validation.failed'),
    errors: [{ field, rule: 'limitation', message }],
  })

const scopedLoans = (access: UserAccess) =>
  applyDataScope(db.from(book.loans.as('l')), access, book.loans.scopeOf('l'))

export default class LimitationController {
  /** 风险资产时效一览: managed (and written-off) risk assets with their main period (诉讼时效, or 申请执行时效 after a judgment). */
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(limitationListValidator)
    const query = scopedLoans(await accessOf(ctx))
      .join(book.riskAssets.as('ra'), 'ra.loan_id', 'l.id')
      .join(book.customers.as('c'), 'c.id', 'l.customer_id')
      .leftJoin('orgs as o', 'o.id', 'l.org_id')
      .leftJoin(`${DATES_TABLE} as lit`, (j) =>
        j.on('lit.loan_id', 'l.id').andOnVal('lit.period_key', 'litigation')
      )
      .leftJoin(`${DATES_TABLE} as enf`, (j) =>
        j.on('enf.loan_id', 'l.id').andOnVal('enf.period_key', 'enforcement')
      )
      // Written-off loans stay (账销案存): their claim, and its limitation, go on.
      .where((w) => w.where('ra.status', 'managed').orWhere('l.status', 'written_off'))
      .select(
        'l.id',
        'l.loan_no',
        'l.customer_id',
        'c.name as customer_name',
        'o.name as org_name',
        'l.overdue_days',
        'l.maturity_date',
        db.raw('CAST(l.balance_fen AS CHAR) as balance_text'),
        'lit.end_date as litigation_end',
        'lit.status as litigation_status',
        'enf.end_date as enforcement_end',
        'enf.status as enforcement_status',
        'lit.computed_on',
        db.raw(
          `(SELECT COUNT(*) FROM ${EVENTS_TABLE} e WHERE e.loan_id = l.id AND e.legal_review = 'pending') as review_pending`
        )
      )
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) => w.whereRaw(LIKE, ['l.loan_no', like]).orWhereRaw(LIKE, ['c.name', like]))
    }
    if (q.status === 'uncomputed') query.whereNull('lit.id')
    else if (q.status) query.whereRaw('COALESCE(enf.status, lit.status) = ?', [q.status])
    if (q.endBefore) query.whereRaw('COALESCE(enf.end_date, lit.end_date) <= ?', [q.endBefore])
    if (q.reviewPending)
      query.whereExists((e) =>
        e
          .from(`${EVENTS_TABLE} as e2`)
          .whereColumn('e2.loan_id', 'l.id')
          .where('e2.legal_review', 'pending')
      )
    const sort = SORTS[q.sort ?? 'endDate']
    // Not-yet-computed rows last in either direction (MariaDB and SQLite put NULLs first).
    query.orderByRaw(`(${sort} IS NULL) asc, ${sort} ${q.order === 'desc' ? 'desc' : 'asc'}`)
    query.orderBy('l.id')
    const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
    const date = (v: unknown) => (v ? dateText(v) : null)
    // Rows the daily step has not reached yet (new risk assets, a fresh demo) are
    // computed live for display, so no row shows blank dates; `computedOn` stays null.
    const live = new Map(
      (
        await computeLoans(
          page
            .all()
            .filter((r) => !r.computed_on)
            .map((r) => Number(r.id))
        )
      ).map((l) => [l.loanId, l.periods])
    )
    const periodOf = (id: number, key: string) => live.get(id)?.find((p) => p.key === key)
    // The main end date's year without an imported arrangement: the date is rolled over
    // weekends only; the row says so (the drawer lists every period concerned).
    const calendar = await calendarFor()
    const unchecked = (end: string | null) =>
      end !== null && !calendar.hasCalendar(Number(end.slice(0, 4)))
    return {
      data: page
        .all()
        .map((r) => ({
          loanId: Number(r.id),
          loanNo: r.loan_no,
          customerId: Number(r.customer_id),
          customerName: r.customer_name,
          orgName: r.org_name,
          overdueDays: Number(r.overdue_days),
          balance: Money.fromFen(String(r.balance_text)).toYuan(),
          dueDate: date(r.maturity_date),
          litigationEnd: date(r.litigation_end) ?? periodOf(r.id, 'litigation')?.end ?? null,
          litigationStatus: r.litigation_status ?? periodOf(r.id, 'litigation')?.status ?? null,
          enforcementEnd: date(r.enforcement_end) ?? periodOf(r.id, 'enforcement')?.end ?? null,
          enforcementStatus: r.enforcement_status ?? periodOf(r.id, 'enforcement')?.status ?? null,
          computedOn: date(r.computed_on),
          reviewPending: Number(r.review_pending),
        }))
        .map((row) => ({
          ...row,
          calendarMissing: unchecked(row.enforcementEnd ?? row.litigationEnd),
        })),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  /** One loan: every period with its rule and trail, the events with their effect, warnings. */
  async show(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    if (!Number.isSafeInteger(id) || id < 1)
      return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    const [found] = await limitationFor({ loanId: id }, { access: await accessOf(ctx) })
    if (!found) return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    return found
  }

  /** 登记时效事件 (催收, 承认, 起诉, 中止事由, 判决 …): append-only and audited. */
  async storeEvent(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const loan = Number.isSafeInteger(id)
      ? await scopedLoans(await accessOf(ctx))
          .where('l.id', id)
          .select('l.id', 'l.customer_id', 'l.org_id')
          .first()
      : null
    if (!loan) return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    const input = await ctx.request.validateUsing(limitationEventValidator)
    const today = await businessDate.current()
    if (input.eventDate > today)
      return fieldError(ctx, 'eventDate', `事件日期不得晚于营业日期 ${today}`)
    if (input.eventType === 'judgment' && !input.endDate)
      return fieldError(ctx, 'endDate', '判决须填写履行期限届满日')
    if (input.endDate && input.endDate < input.eventDate)
      return fieldError(ctx, 'endDate', '结束日期不得早于事件日期')
    if (input.eventType === 'suspension' && input.endDate && input.endDate > today)
      return fieldError(ctx, 'endDate', '障碍消除日期不得晚于营业日期；尚未消除请留空')
    if (input.eventType === 'guarantor_claim') {
      const guarantee = input.guaranteeId ? await bookApi.guarantees.byId(input.guaranteeId) : null
      if (!guarantee || guarantee.loanId !== loan.id || guarantee.guaranteeType !== 'guaranty')
        return fieldError(ctx, 'guaranteeId', '请选择本借据的保证担保')
    }
    const user = ctx.auth.getUserOrFail()
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
        operatorId: user.id,
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
    return ctx.response.status(201).send({ assessment, limitation })
  }

  /** 法律审核 of a post-expiry signature (waiver): the reviewer records the conclusion. */
  async review(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const { reviewNote } = await ctx.request.validateUsing(limitationReviewValidator)
    const event = Number.isSafeInteger(id)
      ? await applyDataScope(
          db.from(`${EVENTS_TABLE} as e`).join(book.loans.as('l'), 'l.id', 'e.loan_id'),
          await accessOf(ctx),
          book.loans.scopeOf('l')
        )
          .where('e.id', id)
          .select('e.id', 'e.loan_id', 'e.legal_review')
          .first()
      : null
    if (!event) return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    if (event.legal_review !== 'pending')
      return ctx.response.status(409).send({ message: '该事件无待审核的法律审核' })
    const user = ctx.auth.getUserOrFail()
    await db.transaction(async (trx) => {
      await trx
        .from(EVENTS_TABLE)
        .where('id', event.id)
        .where('legal_review', 'pending')
        .update({ legal_review: 'reviewed', review_note: reviewNote, reviewed_by: user.id })
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
}
