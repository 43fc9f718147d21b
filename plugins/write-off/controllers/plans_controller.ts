import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { renderPdf } from '#core/documents/pdf'
import { createPlan, submitPlan } from '../plans/plan_service.js'
import { listPlans, planDetail } from '../plans/plan_queries.js'
import { itemPlain, itemRows, planPlain, planRow } from '../plans/plan_store.js'
import { listValidator, planValidator } from '../validators/write_off.js'
import { reportDocumentData } from '../documents/document_data.js'
import { idParam, pdfResponse, refuseUnknownFields } from './helpers.js'

/** 核销方案申报 / 批量核销方案申报: list, detail, draft, submit, 核销报告. */
export default class PlansController {
  async index(ctx: HttpContext) {
    return listPlans(await accessOf(ctx), await ctx.request.validateUsing(listValidator))
  }

  async show(ctx: HttpContext) {
    return planDetail(await accessOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['kind', 'title', 'reasons', 'reviewId', 'items'])
    const input = await ctx.request.validateUsing(planValidator)
    const access = await accessOf(ctx)
    const id = await createPlan(access, input)
    await audit.record(ctx, {
      action: 'write-off.plan.create',
      entityType: 'write-off:plan',
      entityId: id,
      after: { kind: input.kind, title: input.title, items: input.items.length },
    })
    return ctx.response.created(await planDetail(access, id))
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await submitPlan(access, id)
    await audit.record(ctx, {
      action: 'write-off.plan.submit',
      entityType: 'write-off:plan',
      entityId: id,
    })
    return planDetail(access, id)
  }

  /** 核销报告 (PDF), generated from the plan as it stands. */
  async report(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    const plan = planPlain(await planRow(await accessOf(ctx), id))
    const items = (await itemRows(id)).map(itemPlain)
    const pdf = await renderPdf({
      plugin: 'write-off',
      template: 'report',
      data: await reportDocumentData(plan, items),
      options: { footer: `核销报告 ${plan.planNo}`, landscape: true },
    })
    await audit.record(ctx, {
      action: 'write-off.plan.report',
      entityType: 'write-off:plan',
      entityId: id,
    })
    return pdfResponse(ctx, pdf, `核销报告-${plan.planNo}`)
  }
}
