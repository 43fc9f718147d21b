import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { renderPdf } from '#core/documents/pdf'
import { receiptDetail, receiptRow } from '../receipts/store.js'
import { postReceipt, postingsOf, retryPosting } from '../receipts/posting.js'
import { settleAcknowledged } from '../receipts/book_settlement.js'
import { noticeData } from '../receipts/notice.js'
import { ForeclosureError } from '../receipts/foreclosure_error.js'
import { entity, idParam } from './receipts_controller.js'

/** 抵债账务处理: post an approved receipt, its postings at the core, retry, 通知单 PDF. */
export default class PostingsController {
  async post(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const done = await postReceipt(access, id, ctx)
    await audit.record(ctx, { action: 'foreclosure.receipt.post', ...entity(id), after: done })
    return { ...(await receiptDetail(access, id)), postings: await postingsOf(id) }
  }

  async index(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    await receiptRow(await accessOf(ctx), id)
    // Acknowledged since the last look: the book's balances follow now, not at the next job run.
    await settleAcknowledged([id])
    return { data: await postingsOf(id) }
  }

  async retry(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    await receiptRow(await accessOf(ctx), id)
    const postingId = idParam(ctx.params.postingId)
    const done = await retryPosting(id, postingId)
    if (done === null) throw new ForeclosureError(404, '记账记录不存在')
    if (!done) throw new ForeclosureError(409, '只有被核心拒绝的记账可以重发')
    await audit.record(ctx, {
      action: 'foreclosure.posting.retry',
      entityType: 'foreclosure:posting',
      entityId: postingId,
    })
    return { data: await postingsOf(id) }
  }

  /** 以资抵债通知单 (PDF): after 账务处理. */
  async notice(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const detail = await receiptDetail(access, id)
    if (detail.status !== 'posted')
      throw new ForeclosureError(409, '账务处理完成后才能打印以资抵债通知单')
    const pdf = await renderPdf({
      plugin: 'foreclosure',
      template: 'notice',
      data: await noticeData(detail),
      options: { footer: `以资抵债通知单 ${detail.receiptNo}` },
    })
    await audit.record(ctx, { action: 'foreclosure.notice.print', ...entity(id) })
    return ctx.response
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename*=UTF-8''${encodeURIComponent(`以资抵债通知单-${detail.receiptNo}`)}.pdf`
      )
      .header('cache-control', 'no-store')
      .send(pdf)
  }
}
