/*
| The life of a form change: drafted (operations checked, DDL script generated
| and stored), submitted to the core approval workflow (type
| `system:form-change`), approved by someone else, then applied: the stored
| statements run verbatim (DDL is not transactional on MariaDB, so they run
| after the approval commits), and in one transaction the field set, the
| form's version, its menu entry and permissions follow.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/support/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { currentDialect, generateScript } from './ddl_script.js'
import type { FieldSpec } from './field_types.js'
import {
  checkOperations,
  fieldsAfter,
  type Operation,
  type OperationProblem,
} from './operations.js'
import { fieldsOf, findChange, findForm, openChangeOf, type FormDefinition } from './form_store.js'
import { publishForm } from './form_publish.js'
import { forgetFormSources } from './form_sources.js'

export const CHANGE_TYPE = 'system:form-change'

export class FormChangeRefused extends Error {
  constructor(
    readonly status: 409 | 422,
    readonly key: string,
    readonly problems: OperationProblem[] = []
  ) {
    super(key)
  }
}

/** Drafts a change of the form: checks it, generates and stores its script. */
export async function draftChange(form: FormDefinition, ops: Operation[], makerId: number) {
  return db.transaction(async (trx) => {
    // Serialise drafts of one form: one open change at a time.
    await trx.from('form_definitions').where('id', form.id).forUpdate().first()
    if (await openChangeOf(form.id, trx)) throw new FormChangeRefused(409, 'forms.changeOpen')
    if (form.status === 'inactive') throw new FormChangeRefused(409, 'forms.inactive')
    const current = await fieldsOf(form.id, trx)
    // A form without a table yet (its first draft discarded or rejected): added fields create it.
    if (!current.length && ops.every((o) => o.op === 'addField'))
      ops = [{ op: 'create', fields: ops.map((o) => (o as { field: FieldSpec }).field) }]
    const problems = checkOperations(ops, current)
    if (problems.length) throw new FormChangeRefused(422, 'validation.failed', problems)
    const now = dbNow()
    const [id] = await trx.table('form_changes').insert({
      form_id: form.id,
      version: form.version + 1,
      operations: JSON.stringify(ops),
      script: JSON.stringify(generateScript(form.code, ops)),
      dialect: currentDialect(),
      status: 'draft',
      created_by: makerId,
      created_at: now,
      updated_at: now,
    })
    return Number(id)
  })
}

/** Sends a drafted (or returned) change to approval. */
export async function submitChange(
  form: FormDefinition,
  changeId: number,
  maker: { id: number; orgId: number }
) {
  return db.transaction(async (trx) => {
    const row = await trx.from('form_changes').where('id', changeId).forUpdate().first()
    if (!row || Number(row.form_id) !== form.id) return null
    if (row.status !== 'draft') throw new FormChangeRefused(409, 'forms.notDraft')
    const { instanceId } = await submitForApproval({
      type: CHANGE_TYPE,
      businessId: String(changeId),
      title: `表单变更 ${form.nameZh} (${form.code}) v${row.version}`,
      applicantId: maker.id,
      orgId: maker.orgId,
      trx,
    })
    await trx
      .from('form_changes')
      .where('id', changeId)
      .update({ status: 'pending', instance_id: instanceId, updated_at: dbNow() })
    return instanceId
  })
}

/** Drops a change that has not gone to approval (or came back from it). */
export async function discardChange(form: FormDefinition, changeId: number) {
  const deleted = await db
    .from('form_changes')
    .where('id', changeId)
    .where('form_id', form.id)
    .whereIn('status', ['draft'])
    .update({ status: 'withdrawn', updated_at: dbNow() })
  return Number(deleted) > 0
}

/** Workflow: the approval ended well — mark it, and run the DDL once the decision commits. */
export async function changeApproved(
  trx: TransactionClientContract,
  changeId: number,
  approverId: number
) {
  const row = await trx.from('form_changes').where('id', changeId).forUpdate().first()
  if (!row || row.status !== 'pending') throw new Error(`表单变更 ${changeId} 不在审批中`)
  // 四眼: never the maker (the workflow ensures it), nor an account the maker created or changed.
  const made = await trx
    .from('account_changes')
    .where('user_id', approverId)
    .where('changed_by', row.created_by)
    .first()
  if (made || Number(row.created_by) === approverId)
    throw new Error(
      '审批人不能是变更发起人或其创建的账号 / the checker may not be the maker or an account the maker made'
    )
  await trx
    .from('form_changes')
    .where('id', changeId)
    .update({ status: 'approved', approved_by: approverId, updated_at: dbNow() })
  trx.after('commit', () => applyChange(changeId))
}

export async function changeEnded(
  trx: TransactionClientContract,
  changeId: number,
  status: 'rejected' | 'draft' | 'pending'
) {
  await trx.from('form_changes').where('id', changeId).update({ status, updated_at: dbNow() })
}

/**
 * Runs the approved script, then makes the change effective. A failing
 * statement leaves the change `failed` with the database's message (the
 * administrator retries after fixing the cause).
 */
export async function applyChange(changeId: number) {
  const change = await findChange(changeId)
  if (!change || !['approved', 'failed'].includes(change.status)) return
  const form = (await findForm(change.formId))!
  try {
    if (change.dialect !== currentDialect())
      throw new Error(`script for ${change.dialect}, database is ${currentDialect()}`)
    for (const statement of change.script) await db.rawQuery(statement)
  } catch (error) {
    await db
      .from('form_changes')
      .where('id', changeId)
      .update({
        status: 'failed',
        error: String((error as Error).message).slice(0, 2000),
        updated_at: dbNow(),
      })
    await audit.record(null, {
      action: 'form.change.apply',
      entityType: 'form_change',
      entityId: changeId,
      result: 'failure',
      detail: String((error as Error).message).slice(0, 200),
    })
    return
  }
  await db.transaction(async (trx) => {
    const ops = change.operations as Operation[]
    const current = await fieldsOf(form.id, trx)
    const after = fieldsAfter(ops, current)
    for (const [index, f] of after.entries()) {
      const row = {
        label_zh: f.labelZh,
        label_en: f.labelEn,
        length: f.type === 'text' ? (f.length ?? 100) : null,
        active: f.active,
      }
      const existing = current.find((c) => c.code === f.code)
      if (existing) await trx.from('form_fields').where('id', existing.id).update(row)
      else
        await trx.table('form_fields').insert({
          ...row,
          form_id: form.id,
          code: f.code,
          type: f.type,
          dictionary: f.dictionary ?? null,
          required: Boolean(f.required),
          is_unique: Boolean(f.unique),
          indexed: Boolean(f.indexed),
          sort: index + 1,
          since_version: change.version,
        })
    }
    const status = ops.some((o) => o.op === 'deactivateForm') ? 'inactive' : 'effective'
    const now = dbNow()
    await trx
      .from('form_definitions')
      .where('id', form.id)
      .update({ status, version: change.version, updated_at: now })
    await trx
      .from('form_changes')
      .where('id', changeId)
      .update({ status: 'applied', error: null, applied_at: now, updated_at: now })
    await publishForm(trx, { ...form, status, version: change.version })
    await audit.record(null, {
      action: 'form.change.apply',
      entityType: 'form_change',
      entityId: changeId,
      after: { form: form.code, version: change.version, statements: change.script.length },
      trx,
    })
  })
  forgetFormSources()
}
