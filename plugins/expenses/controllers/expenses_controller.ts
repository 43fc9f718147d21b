import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { settings } from '#core/settings/settings'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { loadExpense, present, scopedExpenses, LOANS_TABLE } from '../expense/expense_read.js'
import {
  auditExpense,
  createExpense,
  resubmitExpense,
  THRESHOLD_SETTING,
  writeContext,
  type Actor,
} from '../expense/expense_write.js'
import { payExpense, recoverExpense } from '../expense/expense_settle.js'
import { retryPosting } from '../expense/posting.js'
import {
  expenseListValidator,
  expenseValidator,
  payValidator,
  recoverValidator,
} from '../validators/expense.js'

/*
| 费用管理: the list (filters, sorting whitelist), one expense, the application
| (提交即审批 up to the 审批金额, else the workflow), editing a returned one,
| 登记支付 (posting through the outbox), 登记收回 and 重新记账. Every lookup goes
| through the data scope of the permission in use: out of scope is a 404 like a
| missing record. Every write is audited (expense/expense_write.ts).
*/
const SORTS: Record<string, string> = {
  expenseDate: 'e.expense_date',
  amount: 'e.amount_fen',
  expenseNo: 'e.expense_no',
  createdAt: 'e.created_at',
}

const notFound = (ctx: HttpContext) =>
  ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })

const idOf = (ctx: HttpContext) => {
  const id = Number(ctx.params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

async function actorOf(ctx: HttpContext): Promise<Actor> {
  const user = ctx.auth.getUserOrFail()
  return { userId: user.id, orgId: user.orgId, access: await accessOf(ctx), ctx }
}

export default class ExpensesController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(expenseListValidator)
    const query = scopedExpenses(await accessOf(ctx))
    if (q.keyword) {
      const like = likeContains(q.keyword)
      const prefix = likePrefix(q.keyword)
      query.where((w) =>
        w
          .whereRaw(LIKE, ['e.expense_no', prefix])
          .orWhereRaw(LIKE, ['c.customer_no', prefix])
          .orWhereRaw(LIKE, ['c.name', like])
          .orWhereRaw(LIKE, ['e.payee', like])
          .orWhereRaw(LIKE, ['e.source_label', like])
      )
    }
    if (q.feeKind) query.where('e.fee_kind', q.feeKind)
    if (q.status) query.where('e.status', q.status)
    if (q.recoverable !== undefined) query.where('e.recoverable', q.recoverable)
    if (q.expenseDateFrom) query.where('e.expense_date', '>=', q.expenseDateFrom)
    if (q.expenseDateTo) query.where('e.expense_date', '<=', q.expenseDateTo)
    if (q.orgId) query.where('e.org_id', q.orgId)
    if (q.customerId) query.where('e.customer_id', q.customerId)
    if (q.loanId)
      query.whereExists((x) =>
        x
          .from(`${LOANS_TABLE} as xl`)
          .whereColumn('xl.expense_id', 'e.id')
          .where('xl.loan_id', q.loanId!)
      )
    if (q.sourcePlugin) query.where('e.source_plugin', q.sourcePlugin)
    if (q.sourceKind) query.where('e.source_kind', q.sourceKind)
    if (q.sourceId) query.where('e.source_id', q.sourceId)
    query
      .orderBy(SORTS[q.sort ?? 'expenseDate'], q.order === 'asc' ? 'asc' : 'desc')
      .orderBy('e.id', 'desc')
    const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: await present(page.all()),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async show(ctx: HttpContext) {
    const id = idOf(ctx)
    const expense = id ? await loadExpense(id, { access: await accessOf(ctx) }) : null
    return expense ?? notFound(ctx)
  }

  /** 费用申请: approved at once up to the 审批金额, else submitted to the workflow. */
  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(expenseValidator)
    const actor = await actorOf(ctx)
    const context = await writeContext()
    const expense = await db.transaction((trx) => createExpense(trx, input, actor, context))
    return ctx.response.status(201).send(expense)
  }

  /** A returned or withdrawn application, edited and submitted again. */
  async update(ctx: HttpContext) {
    const id = idOf(ctx)
    const access = await accessOf(ctx)
    if (!id || !(await loadExpense(id, { access }))) return notFound(ctx)
    const input = await ctx.request.validateUsing(expenseValidator)
    const actor = await actorOf(ctx)
    const context = await writeContext()
    return db.transaction((trx) => resubmitExpense(trx, id, input, actor, context))
  }

  /** 登记支付: 已支付, and the accounting posting goes to the outbox with it. */
  async pay(ctx: HttpContext) {
    const id = idOf(ctx)
    if (!id || !(await loadExpense(id, { access: await accessOf(ctx) }))) return notFound(ctx)
    const input = await ctx.request.validateUsing(payValidator)
    const actor = await actorOf(ctx)
    const context = await writeContext()
    return db.transaction((trx) => payExpense(trx, id, input, actor, context))
  }

  /** 登记收回: a recoverable expense the debtor paid back. */
  async recover(ctx: HttpContext) {
    const id = idOf(ctx)
    if (!id || !(await loadExpense(id, { access: await accessOf(ctx) }))) return notFound(ctx)
    const input = await ctx.request.validateUsing(recoverValidator)
    const actor = await actorOf(ctx)
    const context = await writeContext()
    return db.transaction((trx) => recoverExpense(trx, id, input, actor, context))
  }

  /** 重新记账: a posting core banking refused goes out again, with the same key. */
  async retryPosting(ctx: HttpContext) {
    const id = idOf(ctx)
    const access = await accessOf(ctx)
    const expense = id ? await loadExpense(id, { access }) : null
    if (!expense) return notFound(ctx)
    if (!(await retryPosting(expense)))
      return ctx.response.status(409).send({
        message:
          ctx.locale === 'en'
            ? 'Only a failed posting can be retried'
            : '仅记账失败的费用可以重新记账',
      })
    const actor = await actorOf(ctx)
    await db.transaction((trx) =>
      auditExpense(trx, actor, {
        action: 'posting-retry',
        id: expense.id,
        before: { posting: 'failed', error: expense.posting.error },
        after: { posting: 'pending', key: expense.posting.key },
      })
    )
    return loadExpense(expense.id, { access })
  }

  /** What the form needs to say: the 审批金额 above which an application goes to approval. */
  async settings() {
    return { approvalThreshold: await settings.raw(THRESHOLD_SETTING) }
  }
}
