import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { userWith } from '#tests/helpers/auth'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import {
  API,
  FAST,
  approveAll,
  drain,
  modestRelief,
  planBody,
  reliefBook,
  trialBuckets,
} from '../helpers.js'

/*
| What the console adds: the 减免规则 page's API (list / show / edit one rule's
| parameter, checked against the rule; relief:rule:update; the record governs the
| next submission) and 重新记账 of a posting core banking refused (same keys,
| applied once, audited, only when refused, in scope).
*/
const ruleAdmin = (update: boolean) =>
  userWith({
    permissions: ['relief:rule:list', ...(update ? ['relief:rule:update'] : [])],
    dataScope: 'all',
    orgCode: '000000',
  })

test.group('relief: console — rules page and 重新记账', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  test('减免规则: list, edit a parameter (checked per rule), and the record governs the next submission', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await reliefBook()
    const admin = await ruleAdmin(true)
    const list = await client.get(`${API}/rules`).bearerToken(admin.token)
    list.assertStatus(200)
    assert.equal(list.body().meta.total, 4)
    const byCode = (code: string) => list.body().data.find((r: any) => r.code === code)
    assert.containsSubset(byCode('interest_percent'), { paramKey: 'percent', param: '50' })
    assert.containsSubset(byCode('min_five_class'), { paramKey: 'minClass', param: 'substandard' })
    assert.containsSubset(byCode('guarantor_release'), { paramKey: null, param: null })
    const percent = byCode('interest_percent').id
    const shown = await client.get(`${API}/rules/${percent}`).bearerToken(admin.token)
    assert.equal(shown.body().name, byCode('interest_percent').name)

    // A parameter that cannot work for its rule is a 422 on `param`; unknown fields too.
    for (const [rule, param] of [
      [percent, '150'],
      [percent, 'abc'],
      [byCode('min_five_class').id, 'terrible'],
      [byCode('principal_head_office').id, 'no:such:permission'],
      [byCode('guarantor_release').id, 'x'],
    ]) {
      const bad = await client
        .put(`${API}/rules/${rule}`)
        .bearerToken(admin.token)
        .json({ name: '规则', enabled: true, param })
      bad.assertStatus(422)
      assert.equal(bad.body().errors[0].field, 'param')
    }
    ;(
      await client.put(`${API}/rules/${percent}`).bearerToken(admin.token).json({ limit: '1' })
    ).assertStatus(422)
    // Seeing is not editing.
    const viewer = await ruleAdmin(false)
    ;(
      await client.put(`${API}/rules/${percent}`).bearerToken(viewer.token).json({ param: '30' })
    ).assertStatus(403)
    ;(await client.get(`${API}/rules/99999`).bearerToken(admin.token)).assertStatus(404)

    const saved = await client
      .put(`${API}/rules/${percent}`)
      .bearerToken(admin.token)
      .json({ name: '减免利息不超过应收利息 30%', enabled: true, param: '30', paramKey: 'percent' })
    saved.assertStatus(200)
    assert.containsSubset(saved.body(), { param: '30', name: '减免利息不超过应收利息 30%' })
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'relief.rule.update')
        .where('entity_id', String(percent))
        .first()
    )

    // The record governs: a 正常 loan is refused by 次级或更差 until the rule is switched off.
    const maker = book.people.accountManagerA
    const owed = await trialBuckets(client, maker.token, loans.normal.loanId)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loans.normal.customerId, loans.normal.loanId, modestRelief(owed)))
    created.assertStatus(201)
    const id = created.body().id
    const refused = await client.post(`${API}/plans/${id}/submit`).bearerToken(maker.token)
    refused.assertStatus(422)
    assert.equal(refused.body().rule, 'min_five_class')
    ;(
      await client
        .put(`${API}/rules/${byCode('min_five_class').id}`)
        .bearerToken(admin.token)
        .json({ enabled: false })
    ).assertStatus(200)
    const submitted = await client.post(`${API}/plans/${id}/submit`).bearerToken(maker.token)
    assert.notEqual(submitted.status(), 422, JSON.stringify(submitted.body()))
    assert.notEqual(submitted.body().rule, 'min_five_class')
  })

  test('重新记账: a refused posting goes out again with its keys, applied once; only when refused', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await reliefBook()
    const maker = book.people.accountManagerB
    const loan = loans.substandard
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, modestRelief(owed)))
    const submitted = await client
      .post(`${API}/plans/${created.body().id}/submit`)
      .bearerToken(maker.token)
    submitted.assertStatus(200)
    await approveAll(client, submitted.body().route.workflowInstanceId, [
      book.people.branchManager.token,
      book.people.headOfficeRisk.token,
    ])
    const id = created.body().id

    // Core banking refuses everything, the outbox gives up after one attempt: 记账失败.
    sim.setFaults({ system: 'core-banking', errorRate: 1 })
    await outbox.deliverDue({ ...FAST, maxAttempts: 1 })
    let shown = (await client.get(`${API}/plans/${id}`).bearerToken(maker.token)).body()
    const relief = shown.postings.find((p: any) => p.kind === 'relief')
    assert.equal(relief.postingState, 'failed')

    sim.setFaults({ system: 'core-banking', errorRate: 0 })
    // Out of scope: 404 like a missing plan.
    ;(
      await client
        .post(`${API}/plans/${id}/postings/${relief.id}/retry`)
        .bearerToken(book.people.accountManagerA.token)
    ).assertStatus(404)
    const retried = await client
      .post(`${API}/plans/${id}/postings/${relief.id}/retry`)
      .bearerToken(maker.token)
    retried.assertStatus(200)
    // Not refused any more: nothing to post again.
    const again = await client
      .post(`${API}/plans/${id}/postings/${relief.id}/retry`)
      .bearerToken(maker.token)
    again.assertStatus(409)
    await drain()
    shown = (await client.get(`${API}/plans/${id}`).bearerToken(maker.token)).body()
    assert.equal(shown.postings.find((p: any) => p.id === relief.id).postingState, 'posted')
    assert.equal(
      sim.stats().postings.appliedPerKey[`relief:posting:${relief.id}:${loan.loanNo}`],
      1
    )
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'relief.posting.retry')
        .where('entity_id', String(relief.id))
        .first()
    )
  })
})
