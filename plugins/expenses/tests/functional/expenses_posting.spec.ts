import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { connectorRegistry } from '#core/connectors/registry'
import { outbox } from '#core/connectors/outbox'
import { tokenFor } from '#tests/helpers/auth'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { resetBreakers } from '../../../bank-systems/simulator/harness.js'
import { API, FAST, body, drain, withSimulator } from '../expenses_helpers.js'

/*
| 费用管理's accounting posting through the outbox when core banking misbehaves:
| refusals and timeouts show their reason, 重新记账 puts the same message back,
| and every expense is posted exactly once whatever core banking does.
*/
test.group('expenses: posting to core banking', (group) => {
  const sim = withSimulator(group)

  test('core banking refusing and timing out: the reason shows, a retry posts exactly once', async ({
    client,
    assert,
  }) => {
    // This test is about the outbox and the receiver's dedup, not the breaker.
    const definition = connectorRegistry.system('core-banking')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    try {
      const book = await buildBook()
      const { loans } = book.data['credit-assets'] as unknown as CreditBook
      const token = book.people.headOfficeRisk.token
      const ids: number[] = []
      for (const amount of ['100.00', '200.00', '300.00']) {
        const created = await client
          .post(API)
          .bearerToken(token)
          .json(body(loans.substandard.customerId, [loans.substandard.loanId], { amount }))
        ids.push(created.body().id)
        ;(
          await client
            .post(`${API}/${created.body().id}/pay`)
            .bearerToken(token)
            .json({ paidOn: '2026-01-05' })
        ).assertStatus(200)
      }

      // Core banking down: every attempt fails, the outbox gives up (dead) after maxAttempts.
      sim().setFaults({ system: 'core-banking', errorRate: 1 })
      await drain()
      const failed = await client.get(`${API}/${ids[0]}`).bearerToken(token)
      assert.equal(failed.body().posting.state, 'failed')
      assert.isString(failed.body().posting.error)
      assert.isAbove(failed.body().posting.attempts, 0)
      assert.equal(sim().stats().postings.applied, 0)

      // Back up, but slow: postings are applied and answered after our timeout, then
      // redelivered with the same key — and some arrive twice on the "network".
      sim().setFaults({
        system: 'core-banking',
        errorRate: 0,
        timeoutRate: 1,
        hangMs: 200,
        duplicateDeliveries: 1,
      })
      for (const id of ids) {
        const retried = await client.post(`${API}/${id}/posting/retry`).bearerToken(token)
        retried.assertStatus(200)
        assert.equal(retried.body().posting.state, 'pending')
      }
      // Only a failed posting can be retried.
      ;(
        await client.post(`${API}/${ids[0]}/posting/retry`).bearerToken(await tokenFor('admin'))
      ).assertStatus(409)
      // Two rounds while it answers late: each posting goes out twice (the second a repeat).
      await outbox.deliverDue({ ...FAST, maxAttempts: 50, maxRounds: 2 })
      sim().setFaults({ system: 'core-banking', timeoutRate: 0, duplicateDeliveries: 0 })
      await drain({ ...FAST, maxAttempts: 50 })

      const stats = sim().stats()
      for (const id of ids) {
        const shown = await client.get(`${API}/${id}`).bearerToken(token)
        assert.equal(shown.body().posting.state, 'posted', `expense ${id}`)
        assert.equal(stats.postings.appliedPerKey[`expenses:expense:${id}`], 1)
      }
      assert.equal(stats.postings.applied, 3)
      assert.isAbove(stats.postings.duplicatesRefused, 0)
      const audited = await db
        .from('audit_logs')
        .where('action', 'expenses.expense.posting-retry')
        .whereIn('entity_id', ids.map(String))
        .count('* as n')
        .first()
      assert.equal(Number(audited.n), 3)
    } finally {
      definition.breaker = breaker
      resetBreakers()
    }
  })
})
