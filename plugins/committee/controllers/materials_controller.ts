import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { checkUpload, uploadLimits, UploadRefused } from '#core/security/upload_policy'
import { sendDownload } from '#core/security/downloads'
import { securityLog } from '#core/security/security_log'
import { CommitteeError } from '../items/committee_error.js'
import { addMaterial, materialFile } from '../items/materials.js'
import { idParam } from './params.js'

/** 上会材料: upload to an item (checked by the core's upload policy), download (scoped, logged). */
export default class MaterialsController {
  async upload(ctx: HttpContext) {
    const itemId = idParam(ctx.params.id)
    const file = ctx.request.file('file', { size: (await uploadLimits()).maxBytes })
    if (!file) throw new CommitteeError(422, '请选择要上传的文件', 'Choose a file to upload')
    let contentType: string
    try {
      contentType = await checkUpload(file)
    } catch (error) {
      if (!(error instanceof UploadRefused)) throw error
      await securityLog.denied(ctx, 'security.upload_refused', {
        entityType: 'committee_item',
        entityId: itemId,
        detail: `${file.clientName.slice(0, 100)}: ${error.key}`,
      })
      return ctx.response
        .status(422)
        .send({ message: ctx.i18n(error.key, error.data), code: error.key })
    }
    const saved = await addMaterial(await accessOf(ctx), itemId, file, contentType, (trx, id) =>
      audit
        .append(ctx, {
          action: 'committee.material.upload',
          entityType: 'committee_item',
          entityId: itemId,
          after: { materialId: id, fileName: file.clientName, size: file.size },
          trx,
        })
        .then(() => {})
    )
    ctx.response.status(201)
    return saved
  }

  async download(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    const file = await materialFile(await accessOf(ctx), id)
    await sendDownload(ctx, { ...file, entityType: 'committee_material', entityId: id })
  }
}
