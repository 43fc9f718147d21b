import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { attachmentDisposition } from '#core/security/downloads'
import { securityLog } from '#core/security/security_log'
import {
  applyDocumentValidator,
  documentListValidator,
  saveDocumentValidator,
  versionQueryValidator,
} from '../../validators/document.js'
import {
  applyDocument,
  documentDetail,
  listDocuments,
  saveDocumentVersion,
} from '../../documents/document_service.js'
import { documentPdf } from '../../documents/document_pdf.js'
import { htmlToDocx } from '../../documents/html_to_docx.js'
import { idParam } from '../../cases/case_scope.js'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * 法律文书申请: apply a template to a case, read, save edited versions, and
 * download a version as PDF or .docx (scoped through the case; 404 outside).
 */
export default class DocumentController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(documentListValidator, { data: ctx.request.qs() })
    return listDocuments(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const { version } = await ctx.request.validateUsing(versionQueryValidator, {
      data: ctx.request.qs(),
    })
    const found = await documentDetail(await accessOf(ctx), idParam(ctx.params.id), version)
    if (!found) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return found
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(applyDocumentValidator)
    const access = await accessOf(ctx)
    const id = await applyDocument(ctx, access, input)
    ctx.response.status(201)
    return documentDetail(access, id)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(saveDocumentValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await saveDocumentVersion(ctx, access, id, input)
    return documentDetail(access, id)
  }

  async pdf(ctx: HttpContext) {
    return this.download(ctx, 'pdf')
  }

  async docx(ctx: HttpContext) {
    return this.download(ctx, 'docx')
  }

  private async download(ctx: HttpContext, format: 'pdf' | 'docx') {
    const { version, inline } = await ctx.request.validateUsing(versionQueryValidator, {
      data: ctx.request.qs(),
    })
    const found = await documentDetail(await accessOf(ctx), idParam(ctx.params.id), version)
    if (!found) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const fileName = `${found.title}_第${found.version}版.${format}`
    const body =
      format === 'pdf'
        ? await documentPdf(found.title, found.html)
        : await htmlToDocx(found.title, found.html)
    await securityLog.download(ctx, {
      entityType: 'lit_document',
      entityId: found.id,
      detail: fileName,
    })
    const disposition = attachmentDisposition(fileName)
    ctx.response
      .header('content-type', format === 'pdf' ? 'application/pdf' : DOCX)
      .header(
        'content-disposition',
        format === 'pdf' && inline === '1'
          ? disposition.replace(/^attachment/, 'inline')
          : disposition
      )
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
    return ctx.response.send(body)
  }
}
