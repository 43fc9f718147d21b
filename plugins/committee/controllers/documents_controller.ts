import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { renderPdf } from '#core/documents/pdf'
import { minutesData, resolutionData } from '../meetings/meeting_documents.js'
import { idParam } from './params.js'

const sendPdf = (ctx: HttpContext, pdf: Buffer | Uint8Array, name: string) =>
  ctx.response
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(pdf)

/** 决议 (one announced item) and 会议纪要 as PDFs from the plugin's templates; printing is audited. */
export default class DocumentsController {
  async resolution(ctx: HttpContext) {
    const meetingId = idParam(ctx.params.id)
    const itemId = idParam(ctx.params.itemId)
    const data = await resolutionData(await accessOf(ctx), meetingId, itemId)
    const pdf = await renderPdf({
      plugin: 'committee',
      template: 'resolution',
      data,
      options: { footer: `决议 ${data.resolutionNo}` },
    })
    await audit.record(ctx, {
      action: 'committee.document.resolution',
      entityType: 'committee_item',
      entityId: itemId,
      detail: data.resolutionNo,
    })
    return sendPdf(ctx, pdf, `决议-${data.resolutionNo}.pdf`)
  }

  async minutes(ctx: HttpContext) {
    const meetingId = idParam(ctx.params.id)
    const data = await minutesData(await accessOf(ctx), meetingId)
    const pdf = await renderPdf({
      plugin: 'committee',
      template: 'minutes',
      data,
      options: { footer: `会议纪要 ${data.meeting.meetingNo}` },
    })
    await audit.record(ctx, {
      action: 'committee.document.minutes',
      entityType: 'committee_meeting',
      entityId: meetingId,
      detail: data.meeting.meetingNo,
    })
    return sendPdf(ctx, pdf, `会议纪要-${data.meeting.meetingNo}.pdf`)
  }
}
