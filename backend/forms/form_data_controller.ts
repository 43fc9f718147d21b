import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { pageValidator } from '#core/validation/page'
import { refuseUnknown } from '#core/validation/unknown_fields'
import { receiveUpload } from '#core/security/upload_check'
import { sendDownload } from '#core/security/downloads'
import { camelOf } from './field_types.js'
import { fieldsOf, findFormByCode, type StoredField } from './form_store.js'
import { permissionOf } from './form_publish.js'
import { recordValidator } from './record_values.js'
import {
  badReferences,
  deleteRecord,
  findRecord,
  insertRecord,
  listRecords,
  uniqueClashes,
  updateRecord,
} from './form_records.js'
import { fileRefToId, toColumns } from './record_values.js'
import { problemsResponse } from './forms_controller.js'
import {
  badAttachments,
  bindFiles,
  detachRecordFiles,
  recordFile,
  storeUpload,
} from './form_files.js'

type Action = 'list' | 'create' | 'update' | 'delete'

/**
 * The CRUD page of an effective form (/api/form-data/:code). The form's own
 * permissions (`form:<code>:<action>`) decide; a form not in effect, unknown,
 * or not permitted is 404 alike, as is a record outside the data scope.
 */
export default class FormDataController {
  private async formFor(ctx: HttpContext, action: Action) {
    const form = await findFormByCode(String(ctx.params.code))
    const access = await accessOf(ctx)
    if (!form || form.status !== 'effective' || !access.can(permissionOf(form.code, action)))
      return null
    return { form, access, fields: await fieldsOf(form.id) }
  }

  private notFound(ctx: HttpContext) {
    return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
  }

  /** What the console's CrudPage needs: columns and fields of the active set. */
  async schema(ctx: HttpContext) {
    const found = await this.formFor(ctx, 'list')
    if (!found) return this.notFound(ctx)
    const { form, fields } = found
    return {
      code: form.code,
      name: { zh: form.nameZh, en: form.nameEn },
      version: form.version,
      permission: `form:${form.code}`,
      fields: fields
        .filter((f) => f.active)
        .map((f) => ({
          id: camelOf(f.code),
          label: { zh: f.labelZh, en: f.labelEn },
          type: f.type,
          length: f.length,
          dictionary: f.dictionary,
          required: f.required,
          unique: f.unique,
        })),
    }
  }

  async index(ctx: HttpContext) {
    const found = await this.formFor(ctx, 'list')
    if (!found) return this.notFound(ctx)
    const input = await pageValidator.validate(ctx.request.qs())
    return listRecords(found.form, found.fields, found.access, input)
  }

  async show(ctx: HttpContext) {
    const found = await this.formFor(ctx, 'list')
    if (!found) return this.notFound(ctx)
    const record = await findRecord(found.form, found.fields, found.access, Number(ctx.params.id))
    return record ?? this.notFound(ctx)
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, 'create')
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, 'update')
  }

  private async save(ctx: HttpContext, action: 'create' | 'update') {
    const found = await this.formFor(ctx, action)
    if (!found) return this.notFound(ctx)
    const { form, access } = found
    const fields = found.fields.filter((f) => f.active)
    const id = action === 'update' ? Number(ctx.params.id) : undefined
    const before = id ? await findRecord(form, found.fields, access, id) : null
    if (id && !before) return this.notFound(ctx)
    const body = ctx.request.body()
    const allowed = new Set([
      ...fields.map((f) => camelOf(f.code)),
      'id',
      'orgId',
      'createdBy',
      'createdAt',
      'updatedAt',
    ])
    refuseUnknown(body, [...allowed])
    // An emptied input is no value (the console sends '' for a cleared text or amount).
    const attachments = new Set(
      fields.filter((f) => f.type === 'attachment').map((f) => camelOf(f.code))
    )
    const values = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [
        k,
        typeof v === 'string' && v.trim() === '' ? null : attachments.has(k) ? fileRefToId(v) : v,
      ])
    )
    const input = await recordValidator(form.id, form.version, fields).validate(values)
    const columns = toColumns(fields, input)
    const problems = [
      ...(await uniqueClashes(form, fields, columns, id)).map((field) => ({
        field,
        key: 'forms.uniqueTaken',
      })),
      ...(await badReferences(fields, columns)).map((field) => ({
        field,
        key: 'forms.badReference',
      })),
      ...(await badAttachments(form, fields, columns, before, ctx.auth.user!.id)).map((field) => ({
        field,
        key: 'forms.badAttachment',
      })),
    ]
    if (problems.length) return problemsResponse(ctx, problems)
    const user = ctx.auth.user!
    const savedId = id ?? (await insertRecord(form, fields, input, user))
    if (id) await updateRecord(form, fields, id, input, user.id)
    await bindFiles(form, fields, savedId, columns, before)
    const after = await findRecord(form, found.fields, access, savedId)
    await audit.record(ctx, {
      action: `form.record.${action}`,
      entityType: `form:${form.code}`,
      entityId: savedId,
      before,
      after,
    })
    return ctx.response.status(id ? 200 : 201).send(after)
  }

  async destroy(ctx: HttpContext) {
    const found = await this.formFor(ctx, 'delete')
    if (!found) return this.notFound(ctx)
    const before = await findRecord(found.form, found.fields, found.access, Number(ctx.params.id))
    if (!before) return this.notFound(ctx)
    await deleteRecord(found.form, Number(before.id))
    await detachRecordFiles(found.form, Number(before.id))
    await audit.record(ctx, {
      action: 'form.record.delete',
      entityType: `form:${found.form.code}`,
      entityId: Number(before.id),
      before,
    })
    return ctx.response.noContent()
  }

  /** The attachment field named by `:field` (its camelCase id) among the active ones. */
  private attachmentField(fields: StoredField[], id: string) {
    return fields.find((f) => f.active && camelOf(f.code) === id)
  }

  /**
   * 附件 upload (multipart `file`), before the record is saved: whoever may
   * create or edit records of the form. Size and type (by content) follow the
   * upload policy (参数 system.security.uploadMaxMb / uploadTypes).
   */
  async upload(ctx: HttpContext) {
    const found = (await this.formFor(ctx, 'create')) ?? (await this.formFor(ctx, 'update'))
    if (!found) return this.notFound(ctx)
    const field = this.attachmentField(found.fields, String(ctx.params.field))
    if (!field) return this.notFound(ctx)
    if (field.type !== 'attachment')
      return problemsResponse(ctx, [{ field: 'field', key: 'forms.notAttachment' }])
    const upload = await receiveUpload(ctx, {
      log: { entityType: `form:${found.form.code}`, entityId: 0 },
    })
    if (!upload.ok)
      return ctx.response.unprocessableEntity({
        message: upload.message,
        errors: [{ field: 'file', rule: upload.key, message: upload.message }],
      })
    const saved = await storeUpload(
      found.form,
      field,
      upload.file,
      upload.contentType,
      ctx.auth.user!
    )
    await audit.record(ctx, {
      action: 'form.file.upload',
      entityType: `form:${found.form.code}`,
      entityId: saved.id,
      after: { field: field.code, ...saved },
    })
    return ctx.response.created(saved)
  }

  /** The file a record holds: the form's 查看 permission and the record in data scope (else 404). */
  async download(ctx: HttpContext) {
    const found = await this.formFor(ctx, 'list')
    if (!found) return this.notFound(ctx)
    const field = this.attachmentField(found.fields, String(ctx.params.field))
    if (!field || field.type !== 'attachment') return this.notFound(ctx)
    const record = await findRecord(found.form, found.fields, found.access, Number(ctx.params.id))
    const ref = record?.[camelOf(field.code)] as { id: number } | null | undefined
    const file = ref ? await recordFile(found.form, ref.id, Number(record!.id)) : null
    if (!file) return this.notFound(ctx)
    await sendDownload(ctx, { ...file, entityType: `form:${found.form.code}`, entityId: ref!.id })
  }
}
