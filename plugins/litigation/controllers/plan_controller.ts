import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import {
  LIT_PLAN_FIELDS,
  litPlanCustomerValidator,
  litPlanFactsValidator,
  litPlanListValidator,
  litPlanValidator,
} from '../validators/plan.js'
import { refuseUnknown } from '../validators/strict.js'
import { listLitPlans, litPlanDetail } from '../plans/plan_queries.js'
import {
  createLitPlan,
  deleteLitPlan,
  planFacts,
  submitLitPlan,
  updateLitPlan,
} from '../plans/plan_service.js'
import { customerDisposalPlans } from '../plans/plan_facts.js'
import { idParam, scopedCustomers } from '../plans/plan_scope.js'

/**
 * 诉前方案申报: list and detail (data-scoped; out of scope is 404), apply, modify,
 * delete a draft, submit; the form's facts (核心系统 figures, 智能催收 records) and
 * the customer's approved 处置预案. Thin: the rules live in plans/.
 */
export default class LitPlanController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(litPlanListValidator)
    return listLitPlans(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const plan = await litPlanDetail(await accessOf(ctx), idParam(ctx.params.id))
    if (!plan) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return plan
  }

  async store(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), LIT_PLAN_FIELDS)
    const input = await ctx.request.validateUsing(litPlanValidator)
    const access = await accessOf(ctx)
    const id = await createLitPlan(access, input, (trx, planId) =>
      audit
        .append(ctx, {
          action: 'litigation.plan.create',
          entityType: 'lit_plan',
          entityId: planId,
          after: { ...input },
          trx,
        })
        .then(() => {})
    )
    ctx.response.status(201)
    return litPlanDetail(access, id)
  }

  async update(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), LIT_PLAN_FIELDS)
    const input = await ctx.request.validateUsing(litPlanValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const before = await litPlanDetail(access, id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await updateLitPlan(access, id, input, (trx) =>
      audit
        .append(ctx, {
          action: 'litigation.plan.update',
          entityType: 'lit_plan',
          entityId: id,
          before: {
            loanIds: before.loans.map((l) => l.loanId),
            caseType: before.caseType,
            judicialMethod: before.judicialMethod,
            claimPrincipal: before.claimPrincipal,
            claimInterest: before.claimInterest,
            amountReason: before.amountReason,
            cause: before.cause,
            applicationReason: before.applicationReason,
          },
          after: { ...input },
          trx,
        })
        .then(() => {})
    )
    return litPlanDetail(access, id)
  }

  async destroy(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const before = await litPlanDetail(access, id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await deleteLitPlan(access, id, (trx) =>
      audit
        .append(ctx, {
          action: 'litigation.plan.delete',
          entityType: 'lit_plan',
          entityId: id,
          before: { planNo: before.planNo, status: before.status },
          trx,
        })
        .then(() => {})
    )
    return ctx.response.noContent()
  }

  /** 提交审批 (or resubmit after a return / withdrawal). */
  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    if (!(await litPlanDetail(access, id)))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const { instanceId } = await submitLitPlan(access, id, (trx) =>
      audit
        .append(ctx, {
          action: 'litigation.plan.submit',
          entityType: 'lit_plan',
          entityId: id,
          after: { status: 'pending' },
          trx,
        })
        .then(() => {})
    )
    return { ...(await litPlanDetail(access, id)), instanceId }
  }

  /** The form's facts at the application date; 200 even when every system is down. */
  async facts(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(litPlanFactsValidator)
    const access = await accessOf(ctx)
    return planFacts(access, input.customerId, input.loanIds.split(',').map(Number))
  }

  /** The customer's approved 处置预案 (disposal's public service), in the user's scope. */
  async disposalPlans(ctx: HttpContext) {
    const { customerId } = await ctx.request.validateUsing(litPlanCustomerValidator)
    const access = await accessOf(ctx)
    const customer = await scopedCustomers(access).where('c.id', customerId).select('c.id').first()
    if (!customer) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return { data: await customerDisposalPlans(access, customerId) }
  }
}
