import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { UploadRefused, checkUpload, uploadLimits } from '#core/security/upload_policy'
import { sendDownload } from '#core/security/downloads'
import { securityLog } from '#core/security/security_log'
import { addProgressFile, progressFile } from '../../cases/case_files.js'
import { CaseError } from '../../cases/case_error.js'
import { idParam } from '../../cases/case_scope.js'

/** 进展附件: multipart field `file` (the core upload policy checks size, type and content). */
export default class CaseFileController {
  async store(ctx: HttpContext) {
    const file = ctx.request.file('file', { size: (await uploadLimits()).maxBytes })
    if (!file) throw new CaseError(422, '请选择文件', 'Choose a file', 'file')
    let contentType: string
    try {
      contentType = await checkUpload(file)
    } catch (error) {
      // Not a mere mapping: a refused upload is written to the security log first.
      if (!(error instanceof UploadRefused)) throw error
      await securityLog.denied(ctx, 'security.upload_refused', {
        entityType: 'lit_case',
        entityId: idParam(ctx.params.id),
        detail: `${file.clientName.slice(0, 100)}: ${error.key}`,
      })
      const message = ctx.i18n(error.key, error.data)
      throw new CaseError(422, message, message, 'file')
    }
    const saved = await addProgressFile(
      ctx,
      await accessOf(ctx),
      idParam(ctx.params.id),
      idParam(ctx.params.progressId),
      file,
      contentType
    )
    ctx.response.status(201)
    return saved
  }

  async show(ctx: HttpContext) {
    const caseId = idParam(ctx.params.id)
    const fileId = idParam(ctx.params.fileId)
    const file = await progressFile(await accessOf(ctx), caseId, fileId)
    if (!file) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await sendDownload(ctx, { ...file, entityType: 'lit_case_file', entityId: fileId })
  }
}
