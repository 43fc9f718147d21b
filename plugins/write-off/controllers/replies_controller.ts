import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { renderPdf } from '#core/documents/pdf'
import { dispatchExecution, executionOf, issueReply } from '../plans/reply_service.js'
import { itemPlain, itemRows, planPlain, planRow } from '../plans/plan_store.js'
import { WriteOffError } from '../plans/write_off_error.js'
import { postingsOf, postingSummary, retryPosting } from '../postings/posting_service.js'
import { replyValidator } from '../validators/write_off.js'
import { noticeDocumentData, replyDocumentData } from '../documents/document_data.js'
import { idParam, pdfResponse, refuseUnknownFields } from './helpers.js'

/** 核销批复 (issue, PDF) and 账务处理 (postings, 重发, 贷款核销通知单). */
export default class RepliesController {
  async reply(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['repliedOn', 'replyText'])
    const input = await ctx.request.validateUsing(replyValidator)
    const id = idParam(ctx.params.id)
    const result = await issueReply(await accessOf(ctx), id, input)
    await audit.record(ctx, {
      action: 'write-off.plan.reply',
      entityType: 'write-off:plan',
      entityId: id,
      after: { ...input, ...result },
    })
    return result
  }

  /** 继续执行: re-dispatches the execution of a replied batch with subjects left (after a failed job). */
  async execute(ctx: HttpContext) {
    const { plan } = await this.replied(ctx)
    const { total, done } = await executionOf(plan.id)
    if (done >= total) throw new WriteOffError(409, '该方案已全部执行完毕')
    const jobId = await dispatchExecution(plan.id, ctx.auth.getUserOrFail().id)
    await audit.record(ctx, {
      action: 'write-off.plan.execute',
      entityType: 'write-off:plan',
      entityId: plan.id,
    })
    return { jobId }
  }

  private async replied(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    const plan = planPlain(await planRow(await accessOf(ctx), id))
    if (plan.status !== 'replied') throw new WriteOffError(409, '核销方案尚未批复')
    return { plan, items: (await itemRows(id)).map(itemPlain) }
  }

  /** 核销批复 (PDF). */
  async replyPdf(ctx: HttpContext) {
    const { plan, items } = await this.replied(ctx)
    const pdf = await renderPdf({
      plugin: 'write-off',
      template: 'reply',
      data: await replyDocumentData(plan, items),
      options: { footer: `核销批复 ${plan.replyNo}` },
    })
    await audit.record(ctx, {
      action: 'write-off.reply.print',
      entityType: 'write-off:plan',
      entityId: plan.id,
    })
    return pdfResponse(ctx, pdf, `核销批复-${plan.replyNo}`)
  }

  async postings(ctx: HttpContext) {
    const { plan } = await this.replied(ctx)
    const postings = await postingsOf(plan.id)
    return { data: postings, summary: postingSummary(postings) }
  }

  /** 重发 a posting core banking refused (dead in the outbox), with the same key. */
  async retry(ctx: HttpContext) {
    const { plan } = await this.replied(ctx)
    const postingId = idParam(ctx.params.postingId)
    const done = await retryPosting(plan.id, postingId)
    if (done === null) throw new WriteOffError(404, '记账记录不存在')
    if (!done) throw new WriteOffError(409, '该笔记账未被拒绝，无需重发')
    await audit.record(ctx, {
      action: 'write-off.posting.retry',
      entityType: 'write-off:posting',
      entityId: postingId,
    })
    return { retried: true }
  }

  /** 贷款核销通知单 (PDF): one notice per subject with its postings. */
  async notice(ctx: HttpContext) {
    const { plan, items } = await this.replied(ctx)
    const pdf = await renderPdf({
      plugin: 'write-off',
      template: 'notice',
      data: await noticeDocumentData(plan, items, await postingsOf(plan.id)),
      options: { footer: `贷款核销通知单 ${plan.replyNo}` },
    })
    await audit.record(ctx, {
      action: 'write-off.notice.print',
      entityType: 'write-off:plan',
      entityId: plan.id,
    })
    return pdfResponse(ctx, pdf, `贷款核销通知单-${plan.replyNo}`)
  }
}
