import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { connectorRegistry } from '#core/connectors/registry'
import { outbox } from '#core/connectors/outbox'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'
import { FAST, PNG, drain, url } from './archives_support.js'

/*
| 信息维护 → 影像平台: an edit reaches the platform through the outbox once (also
| after an outage); an edit while the first upload is queued waits for the
| platform's document number and is sent then; every edit audited with it.
*/
test.group('archives: 信息维护 sent to the imaging platform', (group) => {
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

  const platform = async () =>
    (await (await fetch(`${sim.url}/__sim/imaging/metadata`)).json()) as {
      stats: { applied: number; duplicatesRefused: number }
      documents: Record<string, { title: string; kind: string; remark: string | null }>
    }

  async function uploaded(client: any) {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const customerId = loans.normal.customerId
    const token = book.people.headOfficeRisk.token
    const up = await client
      .post(url(customerId, '/documents'))
      .bearerToken(token)
      .field('title', '借款合同')
      .field('category', 'contract')
      .file('file', PNG, { filename: 'contract.png' })
    up.assertStatus(201)
    return { customerId, token, docId: up.body().id as number }
  }

  test('an edit of a filed document reaches the platform once, even after an outage; audited', async ({
    client,
    assert,
  }) => {
    const { customerId, token, docId } = await uploaded(client)
    await drain()
    ;(await client.get(url(customerId, '/tree')).bearerToken(token)).assertStatus(200) // reconcile
    const doc = await db.from('archives_documents').where('id', docId).first()
    assert.match(doc.root_doc_no, /^UP/)

    const definition = connectorRegistry.system('imaging')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    try {
      sim.setFaults({ system: 'imaging', errorRate: 1 })
      const edited = await client
        .patch(url(customerId, `/documents/${docId}`))
        .bearerToken(token)
        .json({ title: '借款合同（补充协议）', remark: '含补充协议' })
      edited.assertStatus(200)
      await outbox.deliverDue({ ...FAST, maxRounds: 1 })
      const key = (await db.from('archives_documents').where('id', docId).first()).meta_key
      const waiting = await db.from('outbox_messages').where('idempotency_key', key).first()
      assert.equal(waiting.status, 'pending')
      assert.deepEqual((await platform()).documents, {})

      sim.setFaults({ system: 'imaging', errorRate: 0, duplicateDeliveries: 1 })
      await drain()
      const sent = await db.from('outbox_messages').where('idempotency_key', key).first()
      assert.equal(sent.status, 'sent')
      const after = await platform()
      assert.deepEqual(after.documents[doc.root_doc_no], {
        title: '借款合同（补充协议）',
        kind: 'archives:contract',
        remark: '含补充协议',
      })
      assert.equal(after.stats.applied, 1)

      const audit = await db
        .from('audit_logs')
        .where('action', 'archives.document.update')
        .where('entity_id', String(docId))
        .first()
      assert.include(audit.after_json, key)
    } finally {
      definition.breaker = breaker
      sim.setFaults({ system: 'imaging', errorRate: 0, duplicateDeliveries: 0 })
    }
  })

  test('an edit while the upload is queued is sent once the platform has filed it', async ({
    client,
    assert,
  }) => {
    const { customerId, token, docId } = await uploaded(client)
    const edited = await client
      .patch(url(customerId, `/documents/${docId}`))
      .bearerToken(token)
      .json({ category: 'credit' })
    edited.assertStatus(200)
    const pending = await db.from('archives_documents').where('id', docId).first()
    assert.isTrue(Boolean(pending.meta_pending))
    assert.isNull(pending.meta_key)

    await drain() // the upload is filed …
    ;(await client.get(url(customerId, '/tree')).bearerToken(token)).assertStatus(200) // … reconcile
    const filed = await db.from('archives_documents').where('id', docId).first()
    assert.isFalse(Boolean(filed.meta_pending))
    assert.isNotNull(filed.meta_key)
    await drain()
    assert.equal((await platform()).documents[filed.root_doc_no].kind, 'archives:credit')
  })
})
