import type { HttpContext } from '@adonisjs/core/http'
import { createReadStream } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { receiveUpload } from '#core/security/upload_check'
import { refusedUnknown } from '#core/validation/unknown_fields'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { queueMetadata } from '../services/metadata_sync.js'
import {
  DOCUMENTS,
  VERSIONS,
  documentsOf,
  replaceDocument,
  storedFile,
  treeOf,
  uploadDocument,
  type Customer,
} from '../services/archive_store.js'
import {
  EDIT_FIELDS,
  UPLOAD_FIELDS,
  editValidator,
  uploadValidator,
} from '../validators/archive.js'

/*
| 客户档案管理 routes. Everything hangs off a customer in the caller's data scope
| (credit-assets' book_api; out of scope = 404), documents and versions included.
*/

/* The outbox keeps the file base64 in a MEDIUMTEXT (16 MiB): 10 MiB of file at most. */
const ARCHIVE_MAX_BYTES = 10 * 1024 * 1024

const idParam = (value: unknown) => {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

async function customerOf(ctx: HttpContext): Promise<Customer | null> {
  const id = idParam(ctx.params.customerId)
  if (!id) return null
  const c = await bookApi.customers.byId(id, { access: await accessOf(ctx) })
  return c ? { id: c.id, customerNo: c.customerNo, name: c.name } : null
}

const notFound = (ctx: HttpContext) => ctx.response.notFound({ message: ctx.i18n('http.notFound') })

const refuse = (ctx: HttpContext, field: string, message: string) =>
  ctx.response.status(422).send({
    message: ctx.i18n('validation.failed'),
    errors: [{ field, rule: 'file', message }],
  })

/** The document, only when it belongs to the (in-scope) customer of the route. */
async function documentOf(ctx: HttpContext, customer: Customer) {
  const id = idParam(ctx.params.id)
  if (!id) return null
  return db.from(DOCUMENTS).where('id', id).where('customer_id', customer.id).first()
}

/** The upload policy's check, then the archive's own, smaller size limit. */
async function checkedFile(ctx: HttpContext) {
  const upload = await receiveUpload(ctx)
  if (!upload.ok) {
    refuse(ctx, 'file', upload.message)
    return null
  }
  if (upload.file.size > ARCHIVE_MAX_BYTES) {
    refuse(ctx, 'file', '档案文件不得超过 10 MB / an archive file is at most 10 MB')
    return null
  }
  return { file: upload.file, contentType: upload.contentType }
}

export default class ArchivesController {
  async tree(ctx: HttpContext) {
    const customer = await customerOf(ctx)
    if (!customer) return notFound(ctx)
    return treeOf(customer)
  }

  async upload(ctx: HttpContext) {
    const customer = await customerOf(ctx)
    if (!customer) return notFound(ctx)
    if (refusedUnknown(ctx, UPLOAD_FIELDS)) return
    const meta = await ctx.request.validateUsing(uploadValidator)
    const checked = await checkedFile(ctx)
    if (!checked) return
    const user = ctx.auth.getUserOrFail()
    const done = await uploadDocument(customer, meta, checked.file, checked.contentType, user.id)
    await audit.record(ctx, {
      action: 'archives.document.upload',
      entityType: 'archives_document',
      entityId: done.documentId,
      after: { customerId: customer.id, ...meta, fileName: checked.file.clientName, key: done.key },
    })
    const [doc] = await documentsOf(customer.id, done.documentId)
    return ctx.response.status(201).send(doc)
  }

  async replace(ctx: HttpContext) {
    const customer = await customerOf(ctx)
    if (!customer) return notFound(ctx)
    const doc = await documentOf(ctx, customer)
    if (!doc) return notFound(ctx)
    if (refusedUnknown(ctx, [])) return
    const checked = await checkedFile(ctx)
    if (!checked) return
    const user = ctx.auth.getUserOrFail()
    const done = await replaceDocument(
      customer,
      Number(doc.id),
      checked.file,
      checked.contentType,
      user.id
    )
    await audit.record(ctx, {
      action: 'archives.document.replace',
      entityType: 'archives_document',
      entityId: Number(doc.id),
      after: { version: done.versionNo, fileName: checked.file.clientName, key: done.key },
    })
    const [fresh] = await documentsOf(customer.id, Number(doc.id))
    return ctx.response.status(201).send(fresh)
  }

  async update(ctx: HttpContext) {
    const customer = await customerOf(ctx)
    if (!customer) return notFound(ctx)
    const doc = await documentOf(ctx, customer)
    if (!doc) return notFound(ctx)
    if (refusedUnknown(ctx, EDIT_FIELDS)) return
    const input = await ctx.request.validateUsing(editValidator)
    const change: Record<string, unknown> = {}
    if (input.title !== undefined) change.title = input.title
    if (input.category !== undefined) change.category = input.category
    if (input.remark !== undefined) change.remark = input.remark
    if (Object.keys(change).length) {
      // The edit and its message to the 影像平台 commit together (services/metadata_sync.ts).
      const imaging = await db.transaction(async (trx) => {
        await trx
          .from(DOCUMENTS)
          .where('id', doc.id)
          .update({ ...change, updated_at: new Date() })
        return queueMetadata(trx, Number(doc.id))
      })
      await audit.record(ctx, {
        action: 'archives.document.update',
        entityType: 'archives_document',
        entityId: Number(doc.id),
        before: { title: doc.title, category: doc.category, remark: doc.remark },
        after: { ...change, imaging: imaging.sent ?? 'pending-upload' },
      })
    }
    const [fresh] = await documentsOf(customer.id, Number(doc.id))
    return fresh
  }

  /** 预览: our copy of an image or PDF version, inline; anything else is a download. */
  async preview(ctx: HttpContext) {
    const customer = await customerOf(ctx)
    if (!customer) return notFound(ctx)
    const doc = await documentOf(ctx, customer)
    const versionId = idParam(ctx.params.versionId)
    if (!doc || !versionId) return notFound(ctx)
    const version = await db
      .from(VERSIONS)
      .where('id', versionId)
      .where('document_id', doc.id)
      .first()
    const file = version ? await storedFile(Number(version.id)) : null
    if (!file) return notFound(ctx)
    const inline = /^(image\/(png|jpeg)|application\/pdf)$/.test(file.contentType)
    ctx.response.header('Content-Type', file.contentType)
    ctx.response.header('X-Content-Type-Options', 'nosniff')
    ctx.response.header(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
    )
    await audit.record(ctx, {
      action: 'archives.document.preview',
      entityType: 'archives_document',
      entityId: Number(doc.id),
      after: { versionId },
    })
    return ctx.response.stream(createReadStream(file.path))
  }
}
