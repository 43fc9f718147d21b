import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { planListValidator, planValidator } from '../validators/plan.js'
import { listPlans, planDetail } from '../plans/plan_queries.js'
import { createPlan, submitPlan, updatePlan } from '../plans/plan_service.js'
import { planIdParam } from '../plans/plan_scope.js'

/**
 * 处置预案: list and detail (data-scoped; out of scope is 404), save a draft,
 * change it, submit it for approval. Thin: the rules live in plans/.
 */
export default class PlanController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(planListValidator)
    return listPlans(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const plan = await planDetail(await accessOf(ctx), planIdParam(ctx.params.id))
    if (!plan) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return plan
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(planValidator)
    const access = await accessOf(ctx)
    const id = await createPlan(access, input, (trx, planId) =>
      audit
        .append(ctx, {
          action: 'disposal.plan.create',
          entityType: 'disposal_plan',
          entityId: planId,
          after: { ...input },
          trx,
        })
        .then(() => {})
    )
    ctx.response.status(201)
    return planDetail(access, id)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(planValidator)
    const access = await accessOf(ctx)
    const id = planIdParam(ctx.params.id)
    const before = await planDetail(access, id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await updatePlan(access, id, input, (trx) =>
      audit
        .append(ctx, {
          action: 'disposal.plan.update',
          entityType: 'disposal_plan',
          entityId: id,
          before: {
            method: before.method,
            expectedRecovery: before.expectedRecovery,
            reasons: before.reasons,
            loanIds: before.loans.map((l) => l.loanId),
          },
          after: { ...input },
          trx,
        })
        .then(() => {})
    )
    return planDetail(access, id)
  }

  /** 提交审批 (or resubmit after a return / withdrawal). */
  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = planIdParam(ctx.params.id)
    if (!(await planDetail(access, id))) {
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    }
    const result = await submitPlan(access, id, (trx) =>
      audit
        .append(ctx, {
          action: 'disposal.plan.submit',
          entityType: 'disposal_plan',
          entityId: id,
          after: { status: 'pending' },
          trx,
        })
        .then(() => {})
    )
    return { ...(await planDetail(access, id)), instanceId: result.instanceId }
  }
}
