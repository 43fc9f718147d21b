import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { connectorRegistry } from '#core/connectors/registry'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'
import { syncRecords } from '../../services/sync_records.js'

/*
| 催收管理: items go to 智能催收 through the outbox exactly once in effect under
| injected errors, timeouts and duplicate deliveries; the records come back with
| proof; a registered record is a 催收 interruption on 时效管理; strict input and
| the data scope.
*/
const FAST: DeliveryOptions = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 80,
  retries: 0,
  concurrency: 10,
  batchSize: 100,
  maxAttempts: 100,
}

async function drain() {
  for (let i = 0; i < 100; i++) {
    await outbox.deliverDue(FAST)
    const pending = await db
      .from('outbox_messages')
      .where('system_code', 'collection')
      .where('status', 'pending')
      .count('* as n')
      .first()
    if (!Number(pending?.n)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test.group('collection: 催收管理', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    await businessDate.set('2026-03-15')
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  test('items reach 智能催收 exactly once through errors, timeouts and duplicate deliveries', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const definition = connectorRegistry.system('collection')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    try {
      const methods = ['phone', 'letter', 'visit', 'lawyer_letter', 'announcement']
      const token = book.people.headOfficeRisk.token
      const itemNos: string[] = []
      for (let i = 0; i < 20; i++) {
        const response = await client
          .post('/api/collection/items')
          .bearerToken(token)
          .json({
            customerId: loans.doubtful.customerId,
            loanIds: [loans.doubtful.loanId],
            method: methods[i % methods.length],
            instructions: `第 ${i + 1} 次催收`,
          })
        response.assertStatus(201)
        itemNos.push(response.body().itemNo)
      }
      sim.setFaults({
        system: 'collection',
        errorRate: 0.4,
        timeoutRate: 0.15,
        hangMs: 200,
        duplicateDeliveries: 0.2,
      })
      await outbox.deliverDue(FAST)
      const during = sim.stats()
      sim.setFaults({ system: '*', errorRate: 0, timeoutRate: 0, duplicateDeliveries: 0 })
      await drain()
      const stats = sim.stats()
      assert.equal(stats.collection.applied, 20)
      assert.sameMembers(
        Object.keys(stats.collection.appliedPerKey),
        itemNos.map((n) => `collection:${n}`)
      )
      for (const [key, times] of Object.entries(stats.collection.appliedPerKey))
        assert.equal(times, 1, `${key} applied ${times} times`)
      assert.isAbove(during.injected.errors + during.injected.timeouts, 0)
      const sent = await db
        .from('outbox_messages')
        .where('system_code', 'collection')
        .where('status', 'sent')
        .count('* as n')
        .first()
      assert.equal(Number(sent?.n), 20)

      // The records come back once each, even when synced twice.
      assert.deepEqual(await syncRecords(), { items: 20, added: 20 })
      assert.deepEqual(await syncRecords(), { items: 0, added: 0 })
      const list = await client.get('/api/collection/items?perPage=50').bearerToken(token)
      assert.isTrue(list.body().data.every((i: any) => i.status === 'recorded'))
      assert.isTrue(list.body().data.every((i: any) => i.sending.status === 'sent'))
    } finally {
      definition.breaker = breaker
      resetBreakers()
    }
  })

  test('a record with proof registered as a 催收 interrupts the limitation period on 时效管理', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const token = book.people.accountManagerB.token // 管户人 of the 次级 loan
    ;(
      await client
        .post('/api/collection/items')
        .bearerToken(token)
        .json({
          customerId: loans.substandard.customerId,
          loanIds: [loans.substandard.loanId],
          method: 'lawyer_letter',
        })
    ).assertStatus(201)
    await drain()
    await syncRecords()
    const records = await client.get('/api/collection/records').bearerToken(token)
    records.assertStatus(200)
    const [record] = records.body().data
    assert.include(record, { method: 'lawyer_letter', collectedOn: '2026-03-15' })
    assert.equal(record.proof.kind, 'delivery_receipt')

    const registered = await client
      .post(`/api/collection/records/${record.id}/register`)
      .bearerToken(token)
      .json({ signed: true })
    registered.assertStatus(200)
    assert.equal(registered.body().events[0].loanId, loans.substandard.loanId)

    const limitation = await client
      .get(`/api/disposal/limitation/loans/${loans.substandard.loanId}`)
      .bearerToken(book.people.headOfficeRisk.token)
    limitation.assertStatus(200)
    const event = limitation.body().events.find((e: any) => e.source?.plugin === 'collection')
    assert.exists(event)
    assert.include(event, { type: 'collection', date: '2026-03-15' })
    assert.equal(event.source.label, record.recordNo)
    assert.include(event.proofRef, record.proof.docNo)

    // Twice is refused; another user's scope does not see it.
    const again = await client
      .post(`/api/collection/records/${record.id}/register`)
      .bearerToken(book.people.headOfficeRisk.token)
      .json({})
    again.assertStatus(422)
    ;(
      await client
        .post(`/api/collection/records/${record.id}/register`)
        .bearerToken(book.people.accountManagerA.token)
        .json({})
    ).assertStatus(404)
    const audit = await db
      .from('audit_logs')
      .where('action', 'collection.record.register')
      .where('entity_id', String(record.id))
    assert.lengthOf(audit, 1)
  })

  test('bad input is a 422 with field messages; another customer’s loan or scope is refused', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const token = book.people.headOfficeRisk.token
    const post = (body: object) =>
      client.post('/api/collection/items').bearerToken(token).json(body)
    const base = {
      customerId: loans.substandard.customerId,
      loanIds: [loans.substandard.loanId],
      method: 'phone',
    }
    const method = await post({ ...base, method: 'pigeon' })
    method.assertStatus(422)
    assert.equal(method.body().errors[0].field, 'method')
    const date = await post({ ...base, dueOn: '2026-02-30' })
    date.assertStatus(422)
    assert.equal(date.body().errors[0].field, 'dueOn')
    const unknown = await post({ ...base, priority: 'high' })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'priority')
    const other = await post({ ...base, loanIds: [loans.loss.loanId] })
    other.assertStatus(422)
    assert.equal(other.body().errors[0].field, 'loanIds')
    assert.equal(
      Number(
        (
          await db
            .from('outbox_messages')
            .where('system_code', 'collection')
            .count('* as n')
            .first()
        )?.n
      ),
      0
    )
    // 仅本人 manager A may not start one on manager B's customer: 404.
    ;(
      await client
        .post('/api/collection/items')
        .bearerToken(book.people.accountManagerA.token)
        .json(base)
    ).assertStatus(404)
    ;(await post(base)).assertStatus(201)
    const a = await client
      .get('/api/collection/items')
      .bearerToken(book.people.accountManagerA.token)
    assert.equal(a.body().meta.total, 0)
    const b = await client
      .get('/api/collection/items')
      .bearerToken(book.people.accountManagerB.token)
    assert.equal(b.body().meta.total, 1)
  })
})
