import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { renderPdf } from '#core/documents/pdf'
import { announcementData, noticesData } from '../domain/documents.js'
import { BatchError } from '../domain/batch_error.js'
import { idParam, record } from './helpers.js'

const pdfResponse = (ctx: HttpContext, pdf: Buffer, name: string, parts: number) =>
  ctx.response
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}.pdf`)
    .header('x-document-parts', String(parts))
    .header('cache-control', 'no-store')
    .send(pdf)

const partOf = (ctx: HttpContext) => {
  const part = Number(ctx.request.input('part', 1))
  if (!Number.isSafeInteger(part) || part < 1 || part > 100_000)
    throw new BatchError(422, '部分序号应为正整数')
  return part
}

/** 公告 and 债权转让通知书 as PDF, in parts (x-document-parts says how many), printing audited. */
export default class DocumentsController {
  async announcement(ctx: HttpContext) {
    const id = idParam(ctx.params.packageId)
    const part = partOf(ctx)
    const { pkg, parts, data } = await announcementData(await accessOf(ctx), id, part)
    const pdf = await renderPdf({
      plugin: 'batch-disposal',
      template: 'announcement',
      data,
      options: { footer: `债权转让公告 ${pkg.package_no}`, landscape: true },
    })
    await record(ctx, 'document.announcement', 'package', id, { part, parts })
    return pdfResponse(ctx, pdf, `债权转让公告-${pkg.package_no}-${part}`, parts)
  }

  async notices(ctx: HttpContext) {
    const id = idParam(ctx.params.packageId)
    const part = partOf(ctx)
    const raw = String(ctx.request.input('noticeIds', '') ?? '')
    const noticeIds = raw ? raw.split(',').map((x) => idParam(x)) : undefined
    if (noticeIds && noticeIds.length > 1000)
      throw new BatchError(422, '一次最多打印 1000 份通知书')
    const { pkg, parts, count, data } = await noticesData(await accessOf(ctx), id, {
      part,
      noticeIds,
    })
    const pdf = await renderPdf({
      plugin: 'batch-disposal',
      template: 'notice',
      data,
      options: { footer: `债权转让通知书 ${pkg.package_no}` },
    })
    await record(ctx, 'document.notices', 'package', id, { part, parts, count, noticeIds })
    return pdfResponse(ctx, pdf, `债权转让通知书-${pkg.package_no}-${part}`, parts)
  }
}
