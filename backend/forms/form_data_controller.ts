import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/auth/user_access'
import { audit } from '#core/audit/audit'
import { pageValidator } from '#core/validation/page'
import { refuseUnknown } from '#core/validation/unknown_fields'
import { camelOf } from './field_types.js'
import { fieldsOf, findFormByCode } from './form_store.js'
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
import { toColumns } from './record_values.js'
import { problemsResponse } from './forms_controller.js'

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
    const values = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' ? null : v])
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
    ]
    if (problems.length) return problemsResponse(ctx, problems)
    const user = ctx.auth.user!
    const savedId = id ?? (await insertRecord(form, fields, input, user))
    if (id) await updateRecord(form, fields, id, input, user.id)
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
    await audit.record(ctx, {
      action: 'form.record.delete',
      entityType: `form:${found.form.code}`,
      entityId: Number(before.id),
      before,
    })
    return ctx.response.noContent()
  }
}
