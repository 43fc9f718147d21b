import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { queue } from '#core/queue/queue'
import { refuseUnknown, refuseUnknownFields } from '#core/validation/unknown_fields'
import { assessmentRanking, replaceWeights, weightsOf } from '../services/assessment.js'
import type { TargetLevel } from '../services/periods.js'
import { addMember, listMembers, removeMember } from '../services/series.js'
import {
  WEIGHT_FIELDS,
  assessmentValidator,
  memberValidator,
  weightsValidator,
} from '../validators/targets.js'
import vine from '@vinejs/vine'

const yearOnly = vine.compile(
  vine.object({ year: vine.number().withoutDecimals().range([2000, 2100]) })
)
const seriesOf = (ctx: HttpContext) => String(ctx.params.series)

/** 考核 (weights and ranking, with its export) and 重点系列项目 members. */
export default class AssessmentController {
  async weights(ctx: HttpContext) {
    const { year } = await ctx.request.validateUsing(yearOnly)
    return { year, weights: await weightsOf(year) }
  }

  async saveWeights(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['year', 'weights'])
    const body = ctx.request.body()
    if (Array.isArray(body.weights)) for (const w of body.weights) refuseUnknown(w, WEIGHT_FIELDS)
    const input = await ctx.request.validateUsing(weightsValidator)
    const weights = input.weights.map((w) => ({ ...w, series: w.series ?? '' }))
    const { before, after } = await replaceWeights(await accessOf(ctx), input.year, weights)
    await audit.record(ctx, {
      action: 'target.assessment-weights',
      entityType: 'target_assessment',
      entityId: input.year,
      before: { weights: before },
      after: { weights: after },
    })
    return { year: input.year, weights: after }
  }

  async ranking(ctx: HttpContext, level: TargetLevel) {
    const filter = await ctx.request.validateUsing(assessmentValidator)
    return assessmentRanking(await accessOf(ctx), level, filter)
  }

  /** Queues the ranking's xlsx; 202 `{ jobId }`, progress at /api/jobs/:id. */
  async export(ctx: HttpContext, level: TargetLevel) {
    refuseUnknownFields(ctx, ['year', 'period'])
    const filter = await ctx.request.validateUsing(assessmentValidator)
    // Refuse now (422) rather than in the job when the year has no weights.
    await assessmentRanking(await accessOf(ctx), level, filter)
    const user = ctx.auth.getUserOrFail()
    const jobId = await queue.dispatch(
      'targets:assessment-export',
      { userId: user.id, level, ...filter },
      { userId: user.id }
    )
    await audit.record(ctx, {
      action: 'target.assessment-export',
      entityType: 'target_assessment',
      entityId: filter.year,
      detail: JSON.stringify({ level, ...filter }),
    })
    return ctx.response.accepted({ jobId })
  }

  async members(ctx: HttpContext) {
    return { data: await listMembers(await accessOf(ctx), seriesOf(ctx)) }
  }

  async addMember(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['customerId'])
    const { customerId } = await ctx.request.validateUsing(memberValidator)
    const series = seriesOf(ctx)
    const member = await addMember(await accessOf(ctx), series, customerId)
    if (member.added)
      await audit.record(ctx, {
        action: 'target.series-member.add',
        entityType: 'target_series',
        entityId: series,
        after: member,
      })
    ctx.response.status(member.added ? 201 : 200)
    return member
  }

  async removeMember(ctx: HttpContext) {
    const series = seriesOf(ctx)
    const member = await removeMember(await accessOf(ctx), series, Number(ctx.params.customerId))
    await audit.record(ctx, {
      action: 'target.series-member.remove',
      entityType: 'target_series',
      entityId: series,
      before: member,
    })
    return ctx.response.noContent()
  }
}
