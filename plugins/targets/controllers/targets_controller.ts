import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import type { TargetLevel } from '../services/periods.js'
import * as targets from '../services/targets_service.js'
import { trackTargets } from '../services/tracking.js'
import { targetListValidator, targetValidator, trackingValidator } from '../validators/targets.js'

const TARGET_FIELDS = ['orgId', 'year', 'period', 'kind', 'amount', 'series', 'remark']
const idOf = (ctx: HttpContext) => Number(ctx.params.id)

/**
 * 目标任务申请 and 目标跟踪, one controller for both levels: the route decides
 * the level (and with it the permission code), never the request body.
 */
export default class TargetsController {
  async index(ctx: HttpContext, level: TargetLevel) {
    const filter = await ctx.request.validateUsing(targetListValidator)
    const query = targets.scopedTargets(await accessOf(ctx), level)
    if (filter.year) query.where('t.year', filter.year)
    if (filter.period) query.where('t.period', filter.period)
    if (filter.kind) query.where('t.kind', filter.kind)
    const page = await query
      .select(targets.TARGET_COLUMNS)
      .orderBy('t.year', 'desc')
      .orderBy('o.path')
      .orderBy('t.period')
      .orderBy('t.kind')
      .paginate(filter.page ?? 1, filter.perPage ?? 20)
    return {
      data: page.all().map((r) => {
        const { orgPath, ...row } = targets.targetRow(r)
        return row
      }),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async orgOptions(ctx: HttpContext, level: TargetLevel) {
    return targets.issuableOrgs(await accessOf(ctx), level)
  }

  async store(ctx: HttpContext, level: TargetLevel) {
    refuseUnknownFields(ctx, TARGET_FIELDS)
    const input = await ctx.request.validateUsing(targetValidator)
    const created = await targets.createTarget(await accessOf(ctx), level, input)
    await audit.record(ctx, {
      action: 'target.create',
      entityType: 'target',
      entityId: created.id,
      after: created,
    })
    ctx.response.status(201)
    return created
  }

  async update(ctx: HttpContext, level: TargetLevel) {
    refuseUnknownFields(ctx, TARGET_FIELDS)
    const input = await ctx.request.validateUsing(targetValidator)
    const { before, after } = await targets.updateTarget(
      await accessOf(ctx),
      level,
      idOf(ctx),
      input
    )
    await audit.record(ctx, {
      action: 'target.update',
      entityType: 'target',
      entityId: after.id,
      before,
      after,
    })
    return after
  }

  async destroy(ctx: HttpContext, level: TargetLevel) {
    const before = await targets.deleteTarget(await accessOf(ctx), level, idOf(ctx))
    await audit.record(ctx, {
      action: 'target.delete',
      entityType: 'target',
      entityId: before.id,
      before,
    })
    return ctx.response.noContent()
  }

  async tracking(ctx: HttpContext, level: TargetLevel) {
    const filter = await ctx.request.validateUsing(trackingValidator)
    const result = await trackTargets(await accessOf(ctx), level, filter)
    return { ...result, data: result.data.map(({ orgPath, ...row }) => row) }
  }
}
