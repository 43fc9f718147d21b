import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { changeValidator, createFormValidator, settingsValidator } from './form_validator.js'
import { isStaleRun } from './apply_change.js'
import {
  applyChange,
  draftChange,
  discardChange,
  FormChangeRefused,
  submitChange,
} from './form_changes.js'
import {
  changesOf,
  fieldsOf,
  findForm,
  findFormByCode,
  listForms,
  openChangeOf,
  type FormDefinition,
} from './form_store.js'
import { publishForm } from './form_publish.js'
import { forgetFormSources } from './form_sources.js'
import { checkOperations, type Operation, type OperationProblem } from './operations.js'

/** 422 with one localized message per problem field. */
export function problemsResponse(ctx: HttpContext, problems: OperationProblem[]) {
  return ctx.response.unprocessableEntity({
    message: ctx.i18n('validation.failed'),
    errors: problems.map((p) => ({
      field: p.field,
      rule: p.key,
      message: ctx.i18n(p.key),
    })),
  })
}

function refused(ctx: HttpContext, error: unknown) {
  if (!(error instanceof FormChangeRefused)) throw error
  if (error.status === 422) return problemsResponse(ctx, error.problems)
  return ctx.response.conflict({ message: ctx.i18n(error.key), code: error.key })
}

/** Menu directories and dictionaries must exist: names only, never taken as SQL. */
async function settingProblems(input: { menuParent?: string | null }, fields: any[] = []) {
  const problems: OperationProblem[] = []
  if (input.menuParent) {
    const menu = await db
      .from('menus')
      .where('code', input.menuParent)
      .where('type', 'directory')
      .first()
    if (!menu) problems.push({ field: 'menuParent', key: 'forms.unknownMenu' })
  }
  for (const [i, f] of fields.entries()) {
    if (f.type === 'dict' && f.dictionary) {
      const type = await db.from('dict_types').where('code', f.dictionary).first()
      if (!type) problems.push({ field: `fields.${i}.dictionary`, key: 'forms.unknownDictionary' })
    }
  }
  return problems
}

/**
 * 表单构建 designer (/api/forms): definitions, their fields and changes with the
 * generated scripts. Every write is audited; DDL only runs after approval.
 */
export default class FormsController {
  async index() {
    const forms = await listForms()
    const data = []
    for (const form of forms) {
      const open = await openChangeOf(form.id)
      data.push({ ...form, openChange: open ? { id: open.id, status: open.status } : null })
    }
    return { data }
  }

  async show(ctx: HttpContext) {
    const form = await findForm(Number(ctx.params.id))
    if (!form) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return { ...form, fields: await fieldsOf(form.id), changes: await changesOf(form.id) }
  }

  async menuDirectories() {
    const rows = await db
      .from('menus')
      .where('type', 'directory')
      .where('active', true)
      .orderBy('sort')
      .select('code', 'name_zh', 'name_en', 'parent_code')
    return {
      data: rows.map((r) => ({ code: r.code, name: { zh: r.name_zh, en: r.name_en } })),
    }
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, [
      'code',
      'nameZh',
      'nameEn',
      'menuParent',
      'menuOrder',
      'ledger',
      'fields',
    ])
    const input = await ctx.request.validateUsing(createFormValidator)
    const problems = await settingProblems(input, input.fields)
    if (await findFormByCode(input.code)) problems.push({ field: 'code', key: 'forms.codeTaken' })
    for (const p of checkOperations([{ op: 'create', fields: input.fields }], []))
      problems.push({ ...p, field: p.field.replace(/^operations\.0\./, '') })
    if (problems.length) return problemsResponse(ctx, problems)
    const user = ctx.auth.user!
    const now = dbNow()
    const [id] = await db.table('form_definitions').insert({
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      status: 'draft',
      version: 0,
      menu_parent: input.menuParent ?? null,
      menu_order: input.menuOrder ?? 50,
      ledger: Boolean(input.ledger),
      created_by: user.id,
      org_id: user.orgId,
      created_at: now,
      updated_at: now,
    })
    const form = (await findForm(Number(id)))!
    let changeId: number
    try {
      changeId = await draftChange(form, [{ op: 'create', fields: input.fields }], user.id)
    } catch (error) {
      await db.from('form_definitions').where('id', form.id).delete()
      return refused(ctx, error)
    }
    await audit.record(ctx, {
      action: 'form.create',
      entityType: 'form',
      entityId: form.id,
      after: { code: form.code, name: form.nameZh, fields: input.fields.length, changeId },
    })
    return ctx.response.created({ ...form, changeId })
  }

  async update(ctx: HttpContext) {
    const form = await findForm(Number(ctx.params.id))
    if (!form) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    refuseUnknownFields(ctx, ['nameZh', 'nameEn', 'menuParent', 'menuOrder', 'ledger'])
    const input = await ctx.request.validateUsing(settingsValidator)
    const problems = await settingProblems(input)
    if (problems.length) return problemsResponse(ctx, problems)
    const next: FormDefinition = {
      ...form,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      menuParent: input.menuParent ?? null,
      menuOrder: input.menuOrder ?? form.menuOrder,
      ledger: input.ledger ?? form.ledger,
    }
    await db.transaction(async (trx) => {
      await trx.from('form_definitions').where('id', form.id).update({
        name_zh: next.nameZh,
        name_en: next.nameEn,
        menu_parent: next.menuParent,
        menu_order: next.menuOrder,
        ledger: next.ledger,
        updated_at: dbNow(),
      })
      // A form in effect moves in the menu at once: placement is no DDL.
      if (form.status !== 'draft') await publishForm(trx, next)
      await audit.record(ctx, {
        action: 'form.settings',
        entityType: 'form',
        entityId: form.id,
        before: { name: form.nameZh, menuParent: form.menuParent, ledger: form.ledger },
        after: { name: next.nameZh, menuParent: next.menuParent, ledger: next.ledger },
        trx,
      })
    })
    forgetFormSources()
    return next
  }

  async draft(ctx: HttpContext) {
    const form = await findForm(Number(ctx.params.id))
    if (!form) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    refuseUnknownFields(ctx, ['operations'])
    const { operations } = await ctx.request.validateUsing(changeValidator)
    const problems = await settingProblems(
      {},
      operations.map((o: any) => (o.op === 'addField' ? o.field : {}))
    )
    if (problems.length)
      return problemsResponse(
        ctx,
        problems.map((p) => ({
          ...p,
          field: p.field.replace(/^fields\.(\d+)/, 'operations.$1.field'),
        }))
      )
    try {
      const changeId = await draftChange(form, operations as Operation[], ctx.auth.user!.id)
      await audit.record(ctx, {
        action: 'form.change.draft',
        entityType: 'form_change',
        entityId: changeId,
        after: { form: form.code, operations: operations.map((o: any) => o.op).join(',') },
      })
      return ctx.response.created({ id: changeId })
    } catch (error) {
      return refused(ctx, error)
    }
  }

  async submit(ctx: HttpContext) {
    const form = await findForm(Number(ctx.params.id))
    if (!form) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const user = ctx.auth.user!
    try {
      const instanceId = await submitChange(form, Number(ctx.params.changeId), user)
      if (instanceId === null) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
      await audit.record(ctx, {
        action: 'form.change.submit',
        entityType: 'form_change',
        entityId: ctx.params.changeId,
        after: { form: form.code, instanceId },
      })
      return { instanceId }
    } catch (error) {
      return refused(ctx, error)
    }
  }

  async discard(ctx: HttpContext) {
    const form = await findForm(Number(ctx.params.id))
    if (!form) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    if (!(await discardChange(form, Number(ctx.params.changeId))))
      return ctx.response.conflict({ message: ctx.i18n('forms.notDraft'), code: 'forms.notDraft' })
    await audit.record(ctx, {
      action: 'form.change.discard',
      entityType: 'form_change',
      entityId: ctx.params.changeId,
      after: { form: form.code },
    })
    return ctx.response.noContent()
  }

  /**
   * Runs a failed change's approved script again (after its cause was fixed):
   * steps already in effect are skipped, so nothing is applied twice.
   */
  async retry(ctx: HttpContext) {
    const form = await findForm(Number(ctx.params.id))
    if (!form) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const change = (await changesOf(form.id)).find((c) => c.id === Number(ctx.params.changeId))
    if (!change) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    if (change.status !== 'failed' && !(await isStaleRun(change.id)))
      return ctx.response.conflict({
        message: ctx.i18n('forms.notFailed'),
        code: 'forms.notFailed',
      })
    await applyChange(change.id, ctx.auth.user!.id)
    const after = (await changesOf(form.id)).find((c) => c.id === change.id)!
    await audit.record(ctx, {
      action: 'form.change.retry',
      entityType: 'form_change',
      entityId: change.id,
      result: after.status === 'applied' ? 'success' : 'failure',
      before: { status: change.status, appliedSteps: change.appliedSteps, error: change.error },
      after: { status: after.status, appliedSteps: after.appliedSteps, error: after.error },
    })
    return after
  }
}
