import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { dbNow } from '#core/db/db_time'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { removeMade } from '#tests/factories/identity'
import {
  columnExists,
  designForm,
  dropFormTables,
  settledChange,
  submitAndApprove,
} from './form_helpers.js'

/*
| A change whose DDL fails half-way (MariaDB commits each ALTER by itself): the
| change is left `failed` with the steps that ran in its log; an
| administrator's re-run (audited) skips what is already in the database and
| applies the rest — nothing runs twice.
*/
const CODE = `fr_${process.pid % 100000}`
const TABLE = `form_${CODE}`
const field = (code: string, extra: object = {}) => ({
  op: 'addField',
  field: { code, labelZh: code, labelEn: code, type: 'text', length: 30, ...extra },
})

async function draft(client: any, formId: number, operations: object[]) {
  const drafted = await client
    .post(`/api/forms/${formId}/changes`)
    .bearerToken(await tokenFor('admin'))
    .json({ operations })
  drafted.assertStatus(201)
  return drafted.body().id as number
}

const logOf = (row: any) =>
  JSON.parse(row.step_log).map((e: any) => [e.run, e.step, e.outcome] as const)

test.group('表单构建 · DDL that fails half-way', (group) => {
  let formId = 0
  group.teardown(async () => {
    await dropFormTables([CODE])
    // Committed users would show in the data-scope specs' exact user lists.
    await removeMade()
  })

  test('step 2 fails: failed with step 1 recorded; the re-run completes without redoing it', async ({
    client,
    assert,
  }) => {
    const designed = await designForm(client, CODE)
    formId = designed.formId
    ;(await submitAndApprove(client, formId, designed.changeId)).approved.assertStatus(200)
    assert.equal((await settledChange(designed.changeId)).status, 'applied')

    const changeId = await draft(client, formId, [field('first_note'), field('second_note')])
    const change = await db.from('form_changes').where('id', changeId).firstOrFail()
    assert.lengthOf(JSON.parse(change.steps), 2)
    // Someone added a column of that name by hand, of another type: step 2 cannot run.
    await db.connection().schema.alterTable(TABLE, (t) => t.integer('second_note').nullable())

    ;(await submitAndApprove(client, formId, changeId)).approved.assertStatus(200)
    const failed = await settledChange(changeId)
    assert.equal(failed.status, 'failed')
    assert.equal(Number(failed.applied_steps), 1)
    assert.deepEqual(logOf(failed), [
      [1, 1, 'applied'],
      [1, 2, 'failed'],
    ])
    assert.include(failed.error, '第 2 步')
    assert.isTrue(await columnExists(TABLE, 'first_note'))
    const form = await db.from('form_definitions').where('id', formId).firstOrFail()
    assert.equal(Number(form.version), 1, 'the form stays at its last effective version')
    assert.isNull(
      await db.from('form_fields').where('form_id', formId).where('code', 'first_note').first()
    )
    // The designer shows it, with what ran.
    const shown = await client.get(`/api/forms/${formId}`).bearerToken(await tokenFor('admin'))
    const listed = shown.body().changes.find((c: any) => c.id === changeId)
    assert.equal(listed.status, 'failed')
    assert.equal(listed.appliedSteps, 1)

    // Only a designer re-runs it.
    const viewer = await userWith({ permissions: ['system:form:list'] })
    ;(
      await client.post(`/api/forms/${formId}/changes/${changeId}/retry`).bearerToken(viewer.token)
    ).assertStatus(403)
    // Re-run before the cause is fixed: still failed at step 2, step 1 found in place.
    const again = await client
      .post(`/api/forms/${formId}/changes/${changeId}/retry`)
      .bearerToken(await tokenFor('admin'))
    again.assertStatus(200)
    assert.equal(again.body().status, 'failed')

    await db.connection().schema.alterTable(TABLE, (t) => t.dropColumn('second_note'))
    const retried = await client
      .post(`/api/forms/${formId}/changes/${changeId}/retry`)
      .bearerToken(await tokenFor('admin'))
    retried.assertStatus(200)
    assert.equal(retried.body().status, 'applied')
    const done = await db.from('form_changes').where('id', changeId).firstOrFail()
    // Run 3 found step 1 in place (re-adding it would fail: duplicate column) and ran step 2.
    assert.deepEqual(logOf(done).slice(-2), [
      [3, 1, 'present'],
      [3, 2, 'applied'],
    ])
    assert.equal(Number(done.applied_steps), 2)
    const fields = await db.from('form_fields').where('form_id', formId).orderBy('sort')
    assert.includeMembers(
      fields.map((f) => f.code),
      ['first_note', 'second_note']
    )
    assert.equal(Number((await db.from('form_definitions').where('id', formId).first()).version), 2)
    const audits = await db
      .from('audit_logs')
      .where('action', 'form.change.retry')
      .where('entity_id', String(changeId))
      .orderBy('id')
    assert.deepEqual(
      audits.map((a) => a.result),
      ['failure', 'success']
    )
    ;(
      await client
        .post(`/api/forms/${formId}/changes/${changeId}/retry`)
        .bearerToken(await tokenFor('admin'))
    ).assertStatus(409)
  })

  test('a statement the database refuses (unique index over duplicates) is re-run after the fix', async ({
    client,
    assert,
  }) => {
    const changeId = await draft(client, formId, [field('ref_no', { unique: true })])
    // The column is already there (right shape) with duplicate values: the index step fails in MariaDB.
    await db.connection().schema.alterTable(TABLE, (t) => t.string('ref_no', 30).nullable())
    const now = new Date()
    const row = { org_id: 1, created_by: 1, created_at: now, updated_at: now, ref_no: 'R-1' }
    await db.table(TABLE).multiInsert([
      { ...row, contract_no: 'D-1', amount: 1 },
      { ...row, contract_no: 'D-2', amount: 1 },
    ])
    ;(await submitAndApprove(client, formId, changeId)).approved.assertStatus(200)
    const failed = await settledChange(changeId)
    assert.equal(failed.status, 'failed')
    assert.deepEqual(logOf(failed), [
      [1, 1, 'present'],
      [1, 2, 'failed'],
    ])

    await db.from(TABLE).where('contract_no', 'D-2').update({ ref_no: 'R-2' })
    const retried = await client
      .post(`/api/forms/${formId}/changes/${changeId}/retry`)
      .bearerToken(await tokenFor('admin'))
    assert.equal(retried.body().status, 'applied')
    const duplicate = await db
      .table(TABLE)
      .insert({ ...row, contract_no: 'D-3', amount: 1, ref_no: 'R-1' })
      .then(() => 'inserted')
      .catch(() => 'refused')
    assert.equal(duplicate, 'refused', 'the unique index is in place')
  })

  test('a run that died with its process (left applying) is taken over once stale', async ({
    client,
    assert,
  }) => {
    const changeId = await draft(client, formId, [field('late_note')])
    // As if approved and then the node died during the run: nothing ran, the claim stays.
    await db
      .from('form_changes')
      .where('id', changeId)
      .update({ status: 'applying', approved_by: 1, updated_at: dbNow() })
    const admin = await tokenFor('admin')
    const url = `/api/forms/${formId}/changes/${changeId}/retry`
    // Still fresh: a run may be under way (another designer; the same request twice is the repeat guard's).
    const designer = await userWith({ permissions: ['system:form:list', 'system:form:design'] })
    ;(await client.post(url).bearerToken(designer.token)).assertStatus(409)
    await db
      .from('form_changes')
      .where('id', changeId)
      .update({ updated_at: DateTime.now().minus({ hours: 1 }).toFormat('yyyy-MM-dd HH:mm:ss') })
    const taken = await client.post(url).bearerToken(admin)
    taken.assertStatus(200)
    assert.equal(taken.body().status, 'applied')
    assert.isTrue(await columnExists(TABLE, 'late_note'))
  })
})
