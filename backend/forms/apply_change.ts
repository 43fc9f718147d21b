/*
| Making an approved change effective. The script runs step by step, each step
| checked against the database first (ddl_steps.ts): MariaDB commits every DDL
| statement by itself, so a run that fails half-way leaves the change `failed`
| with what was applied recorded in its step log, and a re-run (an
| administrator's, audited by the controller) skips what is already there. When
| every step is in effect, one transaction brings the field set, the form's
| version, its menu entry and permissions.
*/
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { DateTime } from 'luxon'
import { dbNow } from '#core/db/db_time'
import { currentDialect, type DdlStep } from './ddl_script.js'
import { stateOf } from './ddl_steps.js'
import { fieldsAfter, type Operation } from './operations.js'
import { fieldsOf, findChange, findForm, type FormChange, type StepLogEntry } from './form_store.js'
import { publishForm } from './form_publish.js'
import { forgetFormSources } from './form_sources.js'

class StepConflict extends Error {}

/** A run still `applying` after this long without a step has died (a DDL step takes seconds). */
const STALE_MINUTES = 15
const staleBefore = () =>
  DateTime.now().minus({ minutes: STALE_MINUTES }).toFormat('yyyy-MM-dd HH:mm:ss')

/** Whether a change left `applying` is a dead run an administrator may run again. */
export async function isStaleRun(changeId: number) {
  const row = await db
    .from('form_changes')
    .where('id', changeId)
    .where('status', 'applying')
    .where('updated_at', '<', staleBefore())
    .first()
  return Boolean(row)
}

/** Changes drafted before steps existed: their statements, unchecked, in order. */
const stepsOf = (change: FormChange): (DdlStep | { sql: string[]; check: null })[] =>
  change.steps ?? change.script.map((sql) => ({ sql: [sql], check: null }))

/**
 * Runs the steps still missing. Returns null when all are in effect, else the
 * error that stopped the run (the change is then `failed`, its log says where).
 */
async function runSteps(change: FormChange, by: number | null) {
  const steps = stepsOf(change)
  const log = [...change.stepLog]
  const run = Math.max(0, ...log.map((e) => e.run)) + 1
  let done = 0
  const note = async (entry: Omit<StepLogEntry, 'run' | 'at' | 'by'>) => {
    log.push({ ...entry, run, at: dbNow(), by })
    await db
      .from('form_changes')
      .where('id', change.id)
      .update({ step_log: JSON.stringify(log), applied_steps: done, updated_at: dbNow() })
  }
  const dialect = currentDialect()
  for (const [index, step] of steps.entries()) {
    const number = index + 1
    try {
      if (change.dialect !== dialect)
        throw new Error(`script for ${change.dialect}, database is ${dialect}`)
      // Unchecked (old) steps: those a previous run got through are not run again.
      const state = step.check
        ? await stateOf(dialect, step.check)
        : index < change.appliedSteps
          ? 'present'
          : 'absent'
      if (state === 'conflict')
        throw new StepConflict(
          `第 ${number} 步：数据库中已有 ${JSON.stringify(step.check)} 但结构不同 / exists with another shape`
        )
      if (state === 'absent') for (const sql of step.sql) await db.rawQuery(sql)
      done = number
      await note({ step: number, outcome: state === 'absent' ? 'applied' : 'present' })
    } catch (error) {
      const message = String((error as Error).message).slice(0, 1000)
      await note({ step: number, outcome: 'failed', error: message })
      return { step: number, message }
    }
  }
  return null
}

/** Brings the field set, version, menu and permissions of a change whose DDL is all in effect. */
async function makeEffective(change: FormChange) {
  const form = (await findForm(change.formId))!
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
      .where('id', change.id)
      .update({ status: 'applied', error: null, applied_at: now, updated_at: now })
    await publishForm(trx, { ...form, status, version: change.version })
    await audit.record(null, {
      action: 'form.change.apply',
      entityType: 'form_change',
      entityId: change.id,
      after: { form: form.code, version: change.version, statements: change.script.length },
      trx,
    })
  })
  forgetFormSources()
}

/**
 * Applies an approved (or failed) change. One runner at a time: the change is
 * claimed by moving it to `applying`; a second caller finds nothing to do.
 * `by` is the administrator re-running it (null: the approval itself).
 */
export async function applyChange(changeId: number, by: number | null = null) {
  const claimed = await db
    .from('form_changes')
    .where('id', changeId)
    .where((q) =>
      q
        .whereIn('status', ['approved', 'failed'])
        // A run that died with its process (it touches updated_at at every step) may be taken over.
        .orWhere((stale) =>
          stale.where('status', 'applying').where('updated_at', '<', staleBefore())
        )
    )
    .update({ status: 'applying', updated_at: dbNow() })
  if (!Number(Array.isArray(claimed) ? claimed[0] : claimed)) return
  const change = (await findChange(changeId))!
  const failure = await runSteps(change, by)
  if (!failure) return makeEffective(change)
  await db
    .from('form_changes')
    .where('id', changeId)
    .update({ status: 'failed', error: failure.message, updated_at: dbNow() })
  await audit.record(null, {
    action: 'form.change.apply',
    entityType: 'form_change',
    entityId: changeId,
    result: 'failure',
    detail: `step ${failure.step}: ${failure.message}`.slice(0, 200),
  })
}
