import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { escapeLike } from '#core/db/like'
import { closeObservation, createPlan, recordCheck, submitPlan } from '../plans/plan_service.js'
import { planDetail, planPlain, scopedPlans } from '../plans/store.js'
import { RestructuringError } from '../plans/restructuring_error.js'
import {
  checkValidator,
  closeValidator,
  listValidator,
  planValidator,
} from '../validators/restructuring.js'
import { refuseUnknownFields } from '#core/validation/unknown_fields'

const idParam = (value: unknown) => {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new RestructuringError(404, '记录不存在或无权访问')
  return id
}

const entity = (id: number) => ({ entityType: 'restructuring:plan', entityId: id })

/** 重组方案: list, detail, draft, submit, 履约跟踪, 观察期满. */
export default class PlansController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(listValidator)
    const query = scopedPlans(await accessOf(ctx))
    if (input.keyword) {
      const text = escapeLike(input.keyword)
      query.where((q) =>
        q
          .whereRaw(`p.plan_no LIKE ? ESCAPE '!'`, [`${text}%`])
          .orWhereRaw(`p.customer_name LIKE ? ESCAPE '!'`, [`%${text}%`])
      )
    }
    if (input.status) query.where('p.status', input.status)
    if (input.method) query.where('p.method', input.method)
    const page = input.page ?? 1
    const perPage = input.perPage ?? 20
    const [{ total }] = await query.clone().clearSelect().count('* as total')
    const rows = await query
      .orderBy('p.id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage)
    return { data: rows.map(planPlain), meta: { total: Number(total), page, perPage } }
  }

  async show(ctx: HttpContext) {
    return planDetail(await accessOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, [
      'loanIds',
      'method',
      'effectiveOn',
      'newMaturityDate',
      'newRate',
      'newLoanNo',
      'equityAmount',
      'terms',
      'reasons',
    ])
    const input = await ctx.request.validateUsing(planValidator)
    const access = await accessOf(ctx)
    const id = await createPlan(access, input)
    await audit.record(ctx, { action: 'restructuring.plan.create', ...entity(id), after: input })
    return ctx.response.created(await planDetail(access, id))
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await submitPlan(access, id)
    await audit.record(ctx, { action: 'restructuring.plan.submit', ...entity(id) })
    return planDetail(access, id)
  }

  async check(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['checkedOn', 'performing', 'overdueDays', 'remark'])
    const input = await ctx.request.validateUsing(checkValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await recordCheck(access, id, input)
    await audit.record(ctx, { action: 'restructuring.plan.check', ...entity(id), after: input })
    return planDetail(access, id)
  }

  async close(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['remark'])
    const { remark } = await ctx.request.validateUsing(closeValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await closeObservation(access, id, remark)
    await audit.record(ctx, {
      action: 'restructuring.plan.close',
      ...entity(id),
      after: { remark },
    })
    return planDetail(access, id)
  }
}
