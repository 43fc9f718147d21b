import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { LIKE, likePrefix } from '#core/db/like'
import { audit } from '#core/audit/audit'
import { renderPdf } from '#core/documents/pdf'
import {
  completeReview,
  createReview,
  recheckReview,
  reviewDetail,
  scopedReviews,
} from '../reviews/review_service.js'
import { listValidator, reviewOpinionValidator, reviewValidator } from '../validators/write_off.js'
import { idParam, pdfResponse, refuseUnknownFields } from './helpers.js'
import { reviewDocumentData } from '../documents/document_data.js'

/** 合规审查: list, check subjects against their conditions, record the opinion, 审查意见书. */
export default class ReviewsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(listValidator)
    const query = scopedReviews(await accessOf(ctx))
    if (input.keyword) query.whereRaw(LIKE, ['r.review_no', likePrefix(input.keyword)])
    const perPage = input.perPage ?? 20
    const page = input.page ?? 1
    const [{ total }] = await query.clone().count('* as total')
    const rows = await query
      .leftJoin('users as u', 'u.id', 'r.created_by')
      .select('r.*', 'u.real_name as reviewer')
      .orderBy('r.id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage)
    const counts = rows.length
      ? await scopedReviews(await accessOf(ctx))
          .join('write_off_review_items as i', 'i.review_id', 'r.id')
          .whereIn(
            'r.id',
            rows.map((r) => r.id)
          )
          .groupBy('r.id')
          .select('r.id')
          .count('* as items')
          .sum({ satisfied: 'i.satisfied' })
      : []
    const countOf = new Map(counts.map((c: any) => [Number(c.id), c]))
    return {
      data: rows.map((r) => ({
        id: Number(r.id),
        reviewNo: r.review_no,
        status: r.status,
        conclusion: r.conclusion,
        reviewer: r.reviewer,
        items: Number(countOf.get(Number(r.id))?.items ?? 0),
        satisfied: Number(countOf.get(Number(r.id))?.satisfied ?? 0),
        createdAt: new Date(r.created_at).toISOString(),
      })),
      meta: { total: Number(total), page, perPage },
    }
  }

  async show(ctx: HttpContext) {
    return reviewDetail(await accessOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['items'])
    const { items } = await ctx.request.validateUsing(reviewValidator)
    const access = await accessOf(ctx)
    const id = await createReview(access, items)
    await audit.record(ctx, {
      action: 'write-off.review.create',
      entityType: 'write-off:review',
      entityId: id,
      after: { items },
    })
    return ctx.response.created(await reviewDetail(access, id))
  }

  async recheck(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await recheckReview(access, id)
    await audit.record(ctx, {
      action: 'write-off.review.recheck',
      entityType: 'write-off:review',
      entityId: id,
    })
    return reviewDetail(access, id)
  }

  async opinion(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['conclusion', 'opinion'])
    const input = await ctx.request.validateUsing(reviewOpinionValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await completeReview(access, id, input)
    await audit.record(ctx, {
      action: 'write-off.review.opinion',
      entityType: 'write-off:review',
      entityId: id,
      after: input,
    })
    return reviewDetail(access, id)
  }

  /** 审查意见书 (PDF). */
  async pdf(ctx: HttpContext) {
    const review = await reviewDetail(await accessOf(ctx), idParam(ctx.params.id))
    const pdf = await renderPdf({
      plugin: 'write-off',
      template: 'review',
      data: await reviewDocumentData(review),
      options: { footer: `核销合规审查意见书 ${review.reviewNo}` },
    })
    await audit.record(ctx, {
      action: 'write-off.review.print',
      entityType: 'write-off:review',
      entityId: review.id,
    })
    return pdfResponse(ctx, pdf, `审查意见书-${review.reviewNo}`)
  }
}
