import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { generatedBook } from '../../../credit-assets/fixtures/book_fixture.js'
import demoSeed from '../../jobs/demo_seed.js'

/* The demo's fees: every status the page filters on, each paid one with its posting queued. */
test.group('expenses: demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a dozen fees on managed risk assets, in every status, postings queued', async ({
    assert,
  }) => {
    await generatedBook()
    const result = (await demoSeed({ jobId: 't', payload: {}, progress: async () => {} })) as {
      created: number
    }
    const managed = await db
      .from('ca_risk_assets')
      .where('status', 'managed')
      .count('* as n')
      .first()
    assert.equal(result.created, Math.min(12, Number(managed.n)))
    assert.isAtLeast(result.created, 8)
    const byStatus = Object.fromEntries(
      (await db.from('exp_expenses').groupBy('status').select('status').count('* as n')).map(
        (r: any) => [r.status, Number(r.n)]
      )
    )
    // Every other fee paid; a paid recoverable one in four recovered.
    assert.equal(byStatus.approved, Math.floor(result.created / 2))
    assert.isAbove(byStatus.paid, 0)
    assert.equal(byStatus.recovered, 2)
    const postings = await db
      .from('outbox_messages')
      .where('idempotency_key', 'like', 'expenses:expense:%')
      .count('* as n')
      .first()
    assert.equal(Number(postings.n), byStatus.paid + byStatus.recovered)
  })
})
