import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import {
  CASE_FIELDS,
  CASE_EXPENSE_FIELDS,
  caseExpenseValidator,
  caseListValidator,
  caseValidator,
  hearingValidator,
  judgmentValidator,
  preservationValidator,
  progressValidator,
  refuseUnknown,
} from '../../validators/case.js'
import { caseDetail, listCases } from '../../cases/case_queries.js'
import { createCase, deleteCase, updateCase } from '../../cases/case_write.js'
import {
  addHearing,
  addJudgment,
  addPreservation,
  addProgress,
  removeRecord,
} from '../../cases/case_records.js'
import { idParam } from '../../cases/case_scope.js'
import { caseExpenses, registerCaseExpense } from '../../cases/case_expenses.js'

/**
 * 案件信息登记: list and detail (scoped; out of scope is 404), register, change,
 * delete, and the case's progress, hearings, judgments and preservations. Thin:
 * the rules live in cases/.
 */
export default class CaseController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(caseListValidator)
    return listCases(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const found = await caseDetail(await accessOf(ctx), idParam(ctx.params.id))
    if (!found) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return found
  }

  async store(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), CASE_FIELDS)
    const input = await ctx.request.validateUsing(caseValidator)
    const access = await accessOf(ctx)
    const id = await createCase(ctx, access, input)
    ctx.response.status(201)
    return caseDetail(access, id)
  }

  async update(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), CASE_FIELDS)
    const input = await ctx.request.validateUsing(caseValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await updateCase(ctx, access, id, input)
    return caseDetail(access, id)
  }

  async destroy(ctx: HttpContext) {
    const access = await accessOf(ctx)
    await deleteCase(ctx, access, idParam(ctx.params.id))
    return ctx.response.noContent()
  }

  async addProgress(ctx: HttpContext) {
    return this.addChild(ctx, progressValidator, addProgress)
  }

  async addHearing(ctx: HttpContext) {
    return this.addChild(ctx, hearingValidator, addHearing)
  }

  async addJudgment(ctx: HttpContext) {
    return this.addChild(ctx, judgmentValidator, addJudgment)
  }

  async addPreservation(ctx: HttpContext) {
    return this.addChild(ctx, preservationValidator, addPreservation)
  }

  async removeHearing(ctx: HttpContext) {
    return this.removeChild(ctx, 'lit_hearings')
  }

  async removeJudgment(ctx: HttpContext) {
    return this.removeChild(ctx, 'lit_judgments')
  }

  async removePreservation(ctx: HttpContext) {
    return this.removeChild(ctx, 'lit_preservations')
  }

  private async addChild<I>(
    ctx: HttpContext,
    validator: { validate: (data: unknown) => Promise<I>; [k: string]: any },
    add: (ctx: HttpContext, access: any, caseId: number, input: I) => Promise<number>
  ) {
    const input = await ctx.request.validateUsing(validator as any)
    const access = await accessOf(ctx)
    const caseId = idParam(ctx.params.id)
    const id = await add(ctx, access, caseId, input as I)
    ctx.response.status(201)
    return { id, case: await caseDetail(access, caseId) }
  }

  private async removeChild(
    ctx: HttpContext,
    table: 'lit_hearings' | 'lit_judgments' | 'lit_preservations'
  ) {
    const access = await accessOf(ctx)
    const caseId = idParam(ctx.params.id)
    await removeRecord(ctx, access, caseId, table, idParam(ctx.params.recordId))
    return caseDetail(access, caseId)
  }

  /** The case's fees in 费用管理 (its own and its lawyer engagements'), in scope. */
  async expenses(ctx: HttpContext) {
    const found = await caseExpenses(await accessOf(ctx), idParam(ctx.params.id))
    if (!found) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return { data: found }
  }

  /** 登记费用: an expense of the case in 费用管理. */
  async addExpense(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), CASE_EXPENSE_FIELDS)
    const input = await ctx.request.validateUsing(caseExpenseValidator)
    const access = await accessOf(ctx)
    const expense = await registerCaseExpense(ctx, access, idParam(ctx.params.id), input)
    ctx.response.status(201)
    return expense
  }
}
