/*
| The life of a form change: drafted (operations checked, DDL script generated
| and stored), submitted to the core approval workflow (type
| `system:form-change`), approved by someone else, then applied step by step
| once the approval commits (apply_change.ts).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { currentDialect, generateSteps } from './ddl_script.js'
import { applyChange } from './apply_change.js'
import type { FieldSpec } from './field_types.js'
import { checkOperations, type Operation, type OperationProblem } from './operations.js'
import { fieldsOf, openChangeOf, type FormDefinition } from './form_store.js'

export { applyChange }

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
    const steps = generateSteps(form.code, ops)
    const now = dbNow()
    const [id] = await trx.table('form_changes').insert({
      form_id: form.id,
      version: form.version + 1,
      operations: JSON.stringify(ops),
      script: JSON.stringify(steps.flatMap((step) => step.sql)),
      steps: JSON.stringify(steps),
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
