import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf, type UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { queue } from '#core/queue/queue'
import { LIKE, likeContains } from '#core/db/like'
import {
  confirmValidator,
  correctValidator,
  fetchValidator,
  transactionListValidator,
  refusedUnknown,
} from '../validators/transactions.js'
import { TRANSACTIONS } from '../services/fetch_transactions.js'
import {
  confirmTransaction,
  CORRECTIONS,
  correctTransaction,
} from '../services/confirm.js'

/*
| 交易流水确认: the fetched transactions in the caller's data scope (by the
| loan's org and 管户人 at fetch time; out of scope = 404), a fetch on demand
| (the job recoveries:fetch, with progress), 确认 and 更正 (services/confirm.ts).
*/
const SORTS: Record<string, string> = {
  postedOn: 't.posted_on',
  amount: 't.amount_fen',
  txnNo: 't.txn_no',
}

const scoped = (access: UserAccess) =>
  applyDataScope(db.from(`${TRANSACTIONS} as t`), access, {
    orgColumn: 't.org_id',
    ownerColumn: 't.manager_id',
  })

const yuan = (fen: unknown) => Money.fromFen(String(fen)).toYuan()

const serialize = (r: any) => ({
  id: Number(r.id),
  txnNo: r.txn_no,
  loanId: Number(r.loan_id),
  loanNo: r.loan_no,
  customerId: Number(r.customer_id),
  customerNo: r.customer_no,
  customerName: r.customer_name,
  orgName: r.org_name ?? null,
  postedOn: dateText(r.posted_on),
  principal: yuan(r.principal_fen),
  interest: yuan(r.interest_fen),
  penalty: yuan(r.penalty_fen),
  amount: yuan(r.amount_fen),
  channel: r.channel,
  payerName: r.payer_name,
  memo: r.memo,
  status: r.status,
  method: r.method ?? null,
  repaymentId: r.repayment_id === null ? null : Number(r.repayment_id),
  confirmedBy: r.confirmed_by_name ?? null,
  confirmedAt: r.confirmed_at ?? null,
  corrections: Number(r.corrections),
})

const idOf = (ctx: HttpContext) => {
  const id = Number(ctx.params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export default class TransactionsController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(transactionListValidator)
    const query = scoped(await accessOf(ctx))
      .leftJoin('orgs as o', 'o.id', 't.org_id')
      .leftJoin('users as u', 'u.id', 't.confirmed_by')
      .select('t.*', 'o.name as org_name', 'u.real_name as confirmed_by_name')
    if (q.status) query.where('t.status', q.status)
    if (q.method) query.where('t.method', q.method)
    if (q.postedFrom) query.where('t.posted_on', '>=', q.postedFrom)
    if (q.postedTo) query.where('t.posted_on', '<=', q.postedTo)
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w
          .whereRaw(LIKE, ['t.txn_no', like])
          .orWhereRaw(LIKE, ['t.loan_no', like])
          .orWhereRaw(LIKE, ['t.customer_name', like])
      )
    }
    query
      .orderBy(SORTS[q.sort ?? 'postedOn'], q.order === 'asc' ? 'asc' : 'desc')
      .orderBy('t.id', 'desc')
    const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(serialize),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async show(ctx: HttpContext) {
    const id = idOf(ctx)
    const row = id
      ? await scoped(await accessOf(ctx))
          .leftJoin('orgs as o', 'o.id', 't.org_id')
          .leftJoin('users as u', 'u.id', 't.confirmed_by')
          .where('t.id', id)
          .select('t.*', 'o.name as org_name', 'u.real_name as confirmed_by_name')
          .first()
      : null
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const corrections = await db
      .from(`${CORRECTIONS} as c`)
      .leftJoin('users as u', 'u.id', 'c.corrected_by')
      .where('c.transaction_id', row.id)
      .orderBy('c.id')
      .select('c.*', 'u.real_name')
    return {
      ...serialize(row),
      correctionsList: corrections.map((c) => ({
        fromMethod: c.from_method,
        toMethod: c.to_method,
        reason: c.reason,
        correctedBy: c.real_name ?? null,
        correctedAt: c.created_at,
      })),
    }
  }

  /** 获取交易流水 for one business date (not after today's), as a job with progress. */
  async fetch(ctx: HttpContext) {
    if (refusedUnknown(ctx, ['businessDate'])) return
    const { businessDate: date } = await ctx.request.validateUsing(fetchValidator)
    const today = await businessDate.current()
    if (date > today)
      return ctx.response.status(422).send({
        message: ctx.i18n('validation.failed'),
        errors: [
          {
            field: 'businessDate',
            rule: 'afterToday',
            message: `交易日期不得晚于营业日期 ${today}`,
          },
        ],
      })
    const user = ctx.auth.getUserOrFail()
    const jobId = await queue.dispatch(
      'recoveries:fetch',
      { businessDate: date },
      { userId: user.id }
    )
    await audit.record(ctx, {
      action: 'recoveries.transaction.fetch',
      entityType: 'recoveries_transaction',
      entityId: null,
      after: { businessDate: date, jobId },
    })
    return ctx.response.status(202).send({ jobId })
  }

  async confirm(ctx: HttpContext) {
    if (refusedUnknown(ctx, ['method', 'remark'])) return
    return this.act(ctx, async (id) => {
      const input = await ctx.request.validateUsing(confirmValidator)
      return confirmTransaction(ctx, id, input.method, input.remark ?? null)
    })
  }

  async correct(ctx: HttpContext) {
    if (refusedUnknown(ctx, ['method', 'reason'])) return
    return this.act(ctx, async (id) => {
      const input = await ctx.request.validateUsing(correctValidator)
      return correctTransaction(ctx, id, input.method, input.reason)
    })
  }

  /** The row must be in the caller's scope (else 404) before anything is validated or written. */
  private async act(ctx: HttpContext, work: (id: number) => Promise<unknown>) {
    const id = idOf(ctx)
    const row = id
      ? await scoped(await accessOf(ctx))
          .where('t.id', id)
          .select('t.id')
          .first()
      : null
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await work(Number(row.id))
    const fresh = await scoped(await accessOf(ctx))
      .leftJoin('orgs as o', 'o.id', 't.org_id')
      .leftJoin('users as u', 'u.id', 't.confirmed_by')
      .where('t.id', row.id)
      .select('t.*', 'o.name as org_name', 'u.real_name as confirmed_by_name')
      .first()
    return serialize(fresh)
  }
}
