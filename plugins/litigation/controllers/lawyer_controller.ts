import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import {
  ENGAGEMENT_FIELDS,
  engagementListValidator,
  engagementValidator,
  FIRM_FIELDS,
  firmValidator,
  LAWYER_FIELDS,
  lawyerValidator,
  PAYMENT_FIELDS,
  paymentValidator,
  FEE_DUE_FIELDS,
  feeDueValidator,
  registryListValidator,
} from '../validators/lawyers.js'
import { refuseUnknown } from '../validators/strict.js'
import {
  firmById,
  lawyerById,
  listFirms,
  listLawyers,
  saveFirm,
  saveLawyer,
} from '../lawyers/registry.js'
import { engagementDetail, listEngagements } from '../lawyers/engagement_queries.js'
import {
  createEngagement,
  deleteEngagement,
  recordPayment,
  submitEngagement,
  updateEngagement,
} from '../lawyers/engagement_service.js'
import { idParam } from '../plans/plan_scope.js'
import { feeDueOf } from '../lawyers/engagement_fee.js'

/**
 * 律师选聘: the registry of law firms and lawyers (律所库/律师库), and the engagement
 * requests with their approval and lawyer fee payments. Thin: the rules live in lawyers/.
 */
export default class LawyerController {
  // ---- registry ----
  async firms(ctx: HttpContext) {
    return listFirms(await ctx.request.validateUsing(registryListValidator))
  }

  async firm(ctx: HttpContext) {
    const firm = await firmById(idParam(ctx.params.id))
    if (!firm) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return firm
  }

  async saveFirm(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), FIRM_FIELDS)
    const input = await ctx.request.validateUsing(firmValidator)
    const existing = ctx.params.id === undefined ? undefined : idParam(ctx.params.id)
    if (existing === 0) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const { id, before } = await saveFirm(input, (await accessOf(ctx)).user.id, existing)
    const after = await firmById(id)
    await audit.record(ctx, {
      action: existing ? 'litigation.firm.update' : 'litigation.firm.create',
      entityType: 'lit_law_firm',
      entityId: id,
      before,
      after,
    })
    if (!existing) ctx.response.status(201)
    return after
  }

  async lawyers(ctx: HttpContext) {
    return listLawyers(await ctx.request.validateUsing(registryListValidator))
  }

  async lawyer(ctx: HttpContext) {
    const lawyer = await lawyerById(idParam(ctx.params.id))
    if (!lawyer) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return lawyer
  }

  async saveLawyer(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), LAWYER_FIELDS)
    const input = await ctx.request.validateUsing(lawyerValidator)
    const existing = ctx.params.id === undefined ? undefined : idParam(ctx.params.id)
    if (existing === 0) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const { id, before } = await saveLawyer(input, (await accessOf(ctx)).user.id, existing)
    const after = await lawyerById(id)
    await audit.record(ctx, {
      action: existing ? 'litigation.lawyer.update' : 'litigation.lawyer.create',
      entityType: 'lit_lawyer',
      entityId: id,
      before,
      after,
    })
    if (!existing) ctx.response.status(201)
    return after
  }

  // ---- engagements ----
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(engagementListValidator)
    return listEngagements(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const found = await engagementDetail(await accessOf(ctx), idParam(ctx.params.id))
    if (!found) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return found
  }

  async store(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), ENGAGEMENT_FIELDS)
    const input = await ctx.request.validateUsing(engagementValidator)
    const access = await accessOf(ctx)
    const id = await createEngagement(access, input, (trx, engagementId) =>
      audit
        .append(ctx, {
          action: 'litigation.engagement.create',
          entityType: 'lit_engagement',
          entityId: engagementId,
          after: { ...input },
          trx,
        })
        .then(() => {})
    )
    ctx.response.status(201)
    return engagementDetail(access, id)
  }

  async update(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), ENGAGEMENT_FIELDS)
    const input = await ctx.request.validateUsing(engagementValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const before = await engagementDetail(access, id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await updateEngagement(access, id, input, (trx) =>
      audit
        .append(ctx, {
          action: 'litigation.engagement.update',
          entityType: 'lit_engagement',
          entityId: id,
          before: { ...before, payments: undefined, timeline: undefined },
          after: { ...input },
          trx,
        })
        .then(() => {})
    )
    return engagementDetail(access, id)
  }

  async destroy(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const before = await engagementDetail(access, id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await deleteEngagement(access, id, (trx) =>
      audit
        .append(ctx, {
          action: 'litigation.engagement.delete',
          entityType: 'lit_engagement',
          entityId: id,
          before: { engagementNo: before.engagementNo, status: before.status },
          trx,
        })
        .then(() => {})
    )
    return ctx.response.noContent()
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    if (!(await engagementDetail(access, id)))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const { instanceId } = await submitEngagement(access, id, (trx) =>
      audit
        .append(ctx, {
          action: 'litigation.engagement.submit',
          entityType: 'lit_engagement',
          entityId: id,
          after: { status: 'pending' },
          trx,
        })
        .then(() => {})
    )
    return { ...(await engagementDetail(access, id)), instanceId }
  }

  /** 应付律师费 on the actually recovered amount (confirmed recoveries, or entered with a reason). */
  async feeDue(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), FEE_DUE_FIELDS)
    const input = await ctx.request.validateUsing(feeDueValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    if (!(await engagementDetail(access, id)))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return feeDueOf(await db.from('lit_engagements').where('id', id).first(), input)
  }

  /** 律师费支付: recorded here and, as a 律师费 expense, in 费用管理. */
  async pay(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), PAYMENT_FIELDS)
    const input = await ctx.request.validateUsing(paymentValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    if (!(await engagementDetail(access, id)))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const result = await recordPayment(access, id, input, ctx)
    await audit.record(ctx, {
      action: 'litigation.engagement.pay',
      entityType: 'lit_engagement',
      entityId: id,
      after: { ...input, ...result },
    })
    ctx.response.status(201)
    return { ...result, engagement: await engagementDetail(access, id) }
  }
}
