import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { connectorRegistry } from '#core/connectors/registry'
import { bookLookups as book } from '../../../credit-assets/services/book_lookups.js'
import { bookLoan, generatedBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { resetBreakers } from '../../../bank-systems/simulator/harness.js'
import { audited, withSimulator } from './helpers.js'

/*
| 批量检查 via 智能贷后: one batch of individual / online-loan customers, through
| injected 500s, duplicated deliveries and checks that fail at 智能贷后 — every
| customer is checked exactly once (counted at the simulator), failed checks are
| retried under the same key, results matched per customer; 重新执行 after the
| retries ran out; the filter and every read keep to the data scope.
*/
async function waitForJob(jobId: string) {
  for (let i = 0; i < 600; i++) {
    const run = await db.from('job_runs').where('id', jobId).first()
    if (run?.status === 'completed' || run?.status === 'failed') return run
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`job ${jobId} did not finish`)
}

test.group('inspections: 批量检查', (group) => {
  const state = withSimulator(group)
  const breaker = () => connectorRegistry.system('post-loan')!
  let saved: any
  group.each.setup(() => {
    saved = breaker().breaker
    breaker().breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    return () => {
      breaker().breaker = saved
      resetBreakers()
    }
  })

  test('a batch is checked exactly once through errors, duplicates and failed checks', async ({
    client,
    assert,
  }) => {
    const people = await buildBook()
    await generatedBook()
    const expected = Number(
      (
        await db
          .from(book.customers.as('c'))
          .whereIn('c.customer_type', ['individual', 'online'])
          .whereExists(
            db
              .from(book.loans.as('l'))
              .whereColumn('l.customer_id', 'c.id')
              .where('l.status', 'active')
              .select(db.raw('1'))
          )
          .count('* as n')
          .first()
      ).n
    )
    assert.isAbove(expected, 5)
    const token = people.people.headOfficeRisk.token
    const preview = await client
      .post('/api/inspections/batches/preview')
      .bearerToken(token)
      .json({ filter: { customerTypes: ['individual', 'online'] } })
    assert.equal(preview.body().customers, expected)

    const sim = state.sim
    sim.setFaults({ system: 'post-loan', errorRate: 0.3, duplicateDeliveries: 0.5 })
    sim.postLoanBatch.configure({ itemFailureRate: 0.3, perPoll: 7 })
    const created = await client
      .post('/api/inspections/batches')
      .bearerToken(token)
      .json({
        filter: { customerTypes: ['individual', 'online'] },
        items: ['loan', 'willingness', 'address'],
      })
    created.assertStatus(201)
    const { id, batchNo, total, jobId } = created.body()
    assert.equal(total, expected)
    assert.isOk(await audited('inspections.batch.create', id))
    const run = await waitForJob(jobId)
    assert.equal(run.status, 'completed', run.error ?? '')

    const stats = sim.stats().postLoanBatch
    const items = await db.from('insp_batch_items').where('batch_id', id)
    const done = items.filter((i) => i.status === 'done')
    const failed = items.filter((i) => i.status === 'failed')
    assert.equal(done.length + failed.length, total, 'every customer finished')
    // Each customer checked successfully at most once; every done row is one check at 智能贷后.
    for (const [key, times] of Object.entries(stats.checksPerKey))
      assert.equal(times, 1, `${key} checked ${times} times`)
    assert.equal(Object.keys(stats.checksPerKey).length, done.length)
    assert.sameMembers(
      Object.keys(stats.checksPerKey),
      done.map((i) => `${batchNo}-${i.customer_no}`)
    )
    assert.isAbove(stats.failures, 0, 'some checks failed at 智能贷后 and were retried')
    assert.isAbove(sim.stats().injected.errors, 0)
    assert.isTrue(items.some((i) => Number(i.attempts) > 1))
    for (const row of done) {
      assert.include(['normal', 'attention', 'risk'], row.finding)
      assert.isNotNull(row.conclusion)
    }
    const risky = done.filter((i) => i.finding === 'risk').length
    const told = await db
      .from('messages')
      .where('type', 'inspections.finding')
      .where('user_id', people.people.headOfficeRisk.id)
    assert.lengthOf(told, risky ? 1 : 0)
    const batch = await client.get(`/api/inspections/batches/${id}`).bearerToken(token)
    assert.equal(batch.body().done, done.length)
    assert.equal(batch.body().status, 'completed')
    const job = await client.get(`/api/jobs/${jobId}`).bearerToken(token)
    assert.equal(job.body().progress, 100)
  })

  test('checks failing past the retries are run again by 重新执行, still once each', async ({
    client,
    assert,
  }) => {
    const people = await buildBook()
    await generatedBook()
    const token = people.people.headOfficeRisk.token
    const sim = state.sim
    sim.postLoanBatch.configure({ itemFailureRate: 1 })
    const created = await client
      .post('/api/inspections/batches')
      .bearerToken(token)
      .json({ filter: { customerTypes: ['online'], limit: 5 }, items: ['address'] })
    created.assertStatus(201)
    const { id, batchNo, jobId } = created.body()
    assert.equal(created.body().total, 5)
    await waitForJob(jobId)
    let rows = await db.from('insp_batch_items').where('batch_id', id)
    assert.isTrue(rows.every((r) => r.status === 'failed' && Number(r.attempts) === 3))
    assert.equal(sim.stats().postLoanBatch.failures, 15)

    sim.postLoanBatch.configure({ itemFailureRate: 0 })
    const retry = await client.post(`/api/inspections/batches/${id}/retry`).bearerToken(token)
    retry.assertStatus(202)
    await waitForJob(retry.body().jobId)
    rows = await db.from('insp_batch_items').where('batch_id', id)
    assert.isTrue(rows.every((r) => r.status === 'done'))
    const checks = sim.stats().postLoanBatch.checksPerKey
    assert.sameMembers(
      Object.keys(checks),
      rows.map((r) => `${batchNo}-${r.customer_no}`)
    )
    assert.isTrue(Object.values(checks).every((n) => n === 1))
    assert.isOk(await audited('inspections.batch.retry', id))
  })

  test('the filter and every read keep to the data scope; bad filters are 422', async ({
    client,
    assert,
  }) => {
    const people = await buildBook()
    const sub1 = people.orgs.subBranches[0]
    const loan = await bookLoan({ orgId: sub1, fiveClass: 'substandard' })
    await db
      .from(book.customers.table)
      .where('id', loan.customerId)
      .update({ customer_type: 'individual' })
    const branch = people.people.branchManager.token
    const created = await client
      .post('/api/inspections/batches')
      .bearerToken(branch)
      .json({ filter: { customerTypes: ['individual'] }, items: ['willingness'] })
    created.assertStatus(201)
    assert.equal(created.body().total, 1)
    const { id, jobId } = created.body()
    await waitForJob(jobId)
    const other = people.people.otherBranchManager.token
    ;(await client.get(`/api/inspections/batches/${id}`).bearerToken(other)).assertStatus(404)
    ;(await client.get(`/api/inspections/batches/${id}/items`).bearerToken(other)).assertStatus(404)
    ;(await client.post(`/api/inspections/batches/${id}/retry`).bearerToken(other)).assertStatus(
      404
    )
    const listed = await client.get('/api/inspections/batches').bearerToken(other)
    assert.isFalse(listed.body().data.some((b: any) => b.id === id))
    const nothing = await client
      .post('/api/inspections/batches')
      .bearerToken(other)
      .json({ filter: { customerTypes: ['individual'] }, items: ['willingness'] })
    nothing.assertStatus(422)
    assert.equal(nothing.body().errors[0].field, 'filter')

    const post = (body: object) =>
      client.post('/api/inspections/batches').bearerToken(branch).json(body)
    const corporate = await post({ filter: { customerTypes: ['corporate'] }, items: ['loan'] })
    corporate.assertStatus(422)
    const unknownTop = await post({ filter: { customerTypes: ['online'] }, items: ['loan'], x: 1 })
    unknownTop.assertStatus(422)
    assert.equal(unknownTop.body().errors[0].field, 'x')
    const unknownFilter = await post({
      filter: { customerTypes: ['online'], region: '北京' },
      items: ['loan'],
    })
    unknownFilter.assertStatus(422)
    assert.equal(unknownFilter.body().errors[0].field, 'region')
    const limit = await post({ filter: { customerTypes: ['online'], limit: 0 }, items: ['loan'] })
    limit.assertStatus(422)
    assert.equal(Number((await db.from('insp_batches').count('* as n').first()).n), 1)
  })
})
