import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { receiveUpload } from '#core/security/upload_check'
import { sendDownload } from '#core/security/downloads'
import { CommitteeError } from '../items/committee_error.js'
import { addMaterial, materialFile } from '../items/materials.js'
import { idParam } from './params.js'

/** 上会材料: upload to an item (checked by the core's upload policy), download (scoped, logged). */
export default class MaterialsController {
  async upload(ctx: HttpContext) {
    const itemId = idParam(ctx.params.id)
    const upload = await receiveUpload(ctx, {
      required: true,
      log: { entityType: 'committee_item', entityId: itemId },
    })
    if (!upload.ok && upload.missing)
      throw new CommitteeError(422, '请选择要上传的文件', 'Choose a file to upload')
    if (!upload.ok)
      return ctx.response.status(422).send({ message: upload.message, code: upload.key })
    const { file, contentType } = upload
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
