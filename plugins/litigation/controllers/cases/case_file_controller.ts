import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { receiveUpload } from '#core/security/upload_check'
import { sendDownload } from '#core/security/downloads'
import { addProgressFile, progressFile } from '../../cases/case_files.js'
import { CaseError } from '../../cases/case_error.js'
import { idParam } from '../../cases/case_scope.js'

/** 进展附件: multipart field `file` (the core upload policy checks size, type and content). */
export default class CaseFileController {
  async store(ctx: HttpContext) {
    // receiveUpload writes a refused upload to the security log before it answers.
    const upload = await receiveUpload(ctx, {
      required: true,
      log: { entityType: 'lit_case', entityId: idParam(ctx.params.id) },
    })
    if (!upload.ok)
      throw upload.missing
        ? new CaseError(422, '请选择文件', 'Choose a file', 'file')
        : new CaseError(422, upload.message, upload.message, 'file')
    const saved = await addProgressFile(
      ctx,
      await accessOf(ctx),
      idParam(ctx.params.id),
      idParam(ctx.params.progressId),
      upload.file,
      upload.contentType
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
