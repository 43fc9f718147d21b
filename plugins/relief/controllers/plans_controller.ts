import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accessOf, type UserAccess } from '#core/auth/user_access'
import { applyDataScope } from '#core/auth/data_scope'
import { pageValidator } from '#core/validators/page'
import { Money } from '#core/money/money'
import { audit } from '#core/audit/audit'
import { renderPdf } from '#core/documents/pdf'
import { dictionariesCache } from '#core/cache/dictionaries_cache'
import { pickLocale } from '#core/i18n/messages'
import { LIKE, likeContains } from '#core/support/like'
import { submitForApproval } from '#core/workflow/submit'
import { workflowAnswer } from '#core/controllers/workflow_answer'
import { bookApi } from '../../credit-assets/services/book_api.js'
import Plan from '../models/plan.js'
import { createPlanValidator, updatePlanValidator } from '../validators/plan.js'
import { planWorkflowType } from '../workflow/plan_type.js'

/** Columns a list may sort by; user input never reaches SQL any other way. */
const SORTABLE: Record<string, string> = {
  title: 'title',
  amount: 'amount_fen',
  status: 'status',
  createdAt: 'created_at',
}

/**
 * Statuses (dictionary codes) a user sets by hand; 审批中, 已退回 and 已否决 are set only
 * by the approval (workflow/plan_handler.ts). A record under approval or
 * rejected is not edited; a draft or returned one is submitted.
 */
const MANUAL_STATUSES = ['draft', 'active', 'closed']
const LOCKED_STATUSES = ['pending', 'rejected']
const SUBMITTABLE = ['draft', 'returned']

const zh = (ctx: HttpContext) => pickLocale(ctx.request.header('accept-language')) !== 'en'

export default class PlansController {
  /**
   * The user's data scope, applied to every query of this controller. (Returns a
   * query builder, which is thenable: never return one from an async function.)
   */
  private scoped(access: UserAccess, client?: TransactionClientContract) {
    return applyDataScope(Plan.query(client ? { client } : {}), access, {
      orgColumn: 'relief_plans.org_id',
      ownerColumn: 'relief_plans.created_by',
    })
  }

  /**
   * The customer picked for the record must be one the user may see: read through
   * credit-assets' public service with their access (never SQL on ca_* tables).
   * A 422 on the field otherwise, exactly like a validation error.
   */
  private async customerRefused(
    ctx: HttpContext,
    access: UserAccess,
    customerId: number | null | undefined
  ) {
    if (!customerId || (await bookApi.customers.byId(customerId, { access }))) return false
    const message = zh(ctx)
      ? '客户不存在或不在您的数据权限内'
      : 'No such customer in your data scope'
    ctx.response.unprocessableEntity({ errors: [{ field: 'customerId', rule: 'exists', message }] })
    return true
  }

  /** A status only the approval sets is refused on the field, like a validation error. */
  private statusRefused(ctx: HttpContext, status: string | undefined) {
    if (status === undefined || MANUAL_STATUSES.includes(status)) return false
    const message = zh(ctx) ? '该状态由审批流程设置' : 'This status is set by the approval'
    ctx.response.unprocessableEntity({ errors: [{ field: 'status', rule: 'workflow', message }] })
    return true
  }

  async index(ctx: HttpContext) {
    const { page, perPage, keyword, sort, order } = await ctx.request.validateUsing(pageValidator)
    const access = await accessOf(ctx)
    const query = this.scoped(access)
    if (keyword) query.whereRaw(LIKE, ['relief_plans.title', likeContains(keyword)])
    query.orderBy(SORTABLE[sort ?? ''] ?? 'id', order ?? 'desc')
    const result = await query.paginate(page ?? 1, perPage ?? 20)
    // Customer names from the book, one query for the page, in the reader's own scope.
    const rows = result.all().map((r) => r.serialize())
    const ids = [...new Set(rows.map((r) => r.customerId).filter(Boolean))] as number[]
    const customers = ids.length
      ? (await bookApi.customers.search({ ids, perPage: ids.length }, { access })).data
      : []
    const names = new Map(customers.map((c) => [c.id, c.name]))
    return {
      data: rows.map((r) => ({ ...r, customerName: names.get(r.customerId) ?? null })),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }

  /** Out-of-scope ids are 404, exactly like missing ones. */
  async show(ctx: HttpContext) {
    return this.scoped(await accessOf(ctx))
      .where('id', ctx.params.id)
      .firstOrFail()
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createPlanValidator)
    const access = await accessOf(ctx)
    if (
      this.statusRefused(ctx, input.status) ||
      (await this.customerRefused(ctx, access, input.customerId))
    )
      return
    const user = ctx.auth.getUserOrFail()
    const record = await Plan.create({
      title: input.title,
      amount: Money.fromYuan(input.amount),
      status: input.status,
      remark: input.remark ?? null,
      customerId: input.customerId ?? null,
      orgId: user.orgId,
      createdBy: user.id,
    })
    // Every write is audited (docs/plugins.md "Audit every change"): who, what, before and after.
    await audit.record(ctx, {
      action: 'relief.plan.create',
      entityType: 'relief:plan',
      entityId: record.id,
      after: record.serialize(),
    })
    return ctx.response.created(record)
  }

  async update(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const record = await this.scoped(access).where('id', ctx.params.id).firstOrFail()
    const input = await ctx.request.validateUsing(updatePlanValidator)
    if (LOCKED_STATUSES.includes(record.status))
      return ctx.response.conflict({
        message: zh(ctx)
          ? '审批中或已否决的记录不能修改'
          : 'A record under approval or rejected cannot be edited',
      })
    if (
      this.statusRefused(ctx, input.status) ||
      (await this.customerRefused(ctx, access, input.customerId))
    )
      return
    const before = record.serialize()
    if (input.title !== undefined) record.title = input.title
    if (input.amount !== undefined) record.amount = Money.fromYuan(input.amount)
    if (input.status !== undefined) record.status = input.status
    if (input.remark !== undefined) record.remark = input.remark ?? null
    if (input.customerId !== undefined) record.customerId = input.customerId ?? null
    await record.save()
    await audit.record(ctx, {
      action: 'relief.plan.update',
      entityType: 'relief:plan',
      entityId: record.id,
      before,
      after: record.serialize(),
    })
    return record
  }

  async destroy(ctx: HttpContext) {
    const record = await this.scoped(await accessOf(ctx))
      .where('id', ctx.params.id)
      .firstOrFail()
    if (record.status === 'pending')
      return ctx.response.conflict({
        message: zh(ctx) ? '审批中的记录不能删除' : 'A record under approval cannot be deleted',
      })
    await record.delete()
    await audit.record(ctx, {
      action: 'relief.plan.delete',
      entityType: 'relief:plan',
      entityId: record.id,
      before: record.serialize(),
    })
    return ctx.response.noContent()
  }

  /**
   * 提交审批: the record goes to its tiered approval (workflow/) in the same
   * transaction that marks it 审批中; the handler moves it on when decided. A
   * returned record is submitted again the same way (a new round).
   */
  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    return workflowAnswer(ctx, () =>
      db.transaction(async (trx) => {
        const record = await this.scoped(access, trx)
          .where('id', ctx.params.id)
          .forUpdate()
          .firstOrFail()
        if (!SUBMITTABLE.includes(record.status))
          return ctx.response.conflict({
            message: zh(ctx)
              ? '只有草稿或已退回的记录可以提交审批'
              : 'Only a draft or returned record can be submitted',
          })
        const before = record.serialize()
        const { instanceId } = await submitForApproval({
          type: planWorkflowType.code,
          businessId: String(record.id),
          title: `债权减免 ${record.title}`,
          amount: record.amount.toYuan(),
          applicantId: access.user.id,
          orgId: record.orgId,
          trx,
        })
        record.status = 'pending'
        await record.useTransaction(trx).save()
        await audit.append(ctx, {
          action: 'relief.plan.submit',
          entityType: 'relief:plan',
          entityId: record.id,
          before,
          after: { ...record.serialize(), workflowInstanceId: instanceId },
          trx,
        })
        return { ...record.serialize(), workflowInstanceId: instanceId }
      })
    )
  }

  /**
   * Customers for the form's picker: the shared book, read through credit-assets'
   * public service and limited to the user's data scope (never SQL on ca_* tables).
   */
  async customers(ctx: HttpContext) {
    const { page, perPage, keyword } = await ctx.request.validateUsing(pageValidator)
    return bookApi.customers.search({ keyword, page, perPage }, { access: await accessOf(ctx) })
  }

  /** The record as a PDF (documents/plan.hbs); printing is audited like a write. */
  async pdf(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const record = await this.scoped(access).where('id', ctx.params.id).firstOrFail()
    const { data } = await dictionariesCache.current()
    const status = (data['relief_status'] ?? []).find((i) => i.code === record.status)
    const customer = record.customerId
      ? await bookApi.customers.byId(record.customerId, { access })
      : null
    const pdf = await renderPdf({
      plugin: 'relief',
      template: 'plan',
      data: {
        ...record.serialize(),
        statusLabel: status?.label.zh ?? record.status,
        customerName: customer?.name ?? '',
      },
    })
    await audit.record(ctx, {
      action: 'relief.plan.print',
      entityType: 'relief:plan',
      entityId: record.id,
    })
    return ctx.response
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .send(pdf)
  }
}
