import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { PLAN_API, planBody, planBook } from '../plan_helpers.js'

/*
| A system that is down never blocks the application: its sections are marked
| unavailable with the reason, the others come through, and a plan saved while
| 核心系统 is down takes its figures from the book and says so.
*/
test.group('disposal: plan form with a connector outage', (group) => {
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

  test('智能预警 down: its two sections are unavailable, the form still opens', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant } = await planBook()
    sim.setFaults({ system: 'warning', errorRate: 1 })

    const prefill = await client
      .get(`${PLAN_API}/plan-prefill`)
      .qs({ customerId: customer.id, loanIds: loanIds.join(',') })
      .bearerToken(applicant.token)
    prefill.assertStatus(200)
    const byName = Object.fromEntries(prefill.body().sections.map((s: any) => [s.section, s]))
    for (const name of ['litigation', 'assetChanges']) {
      assert.equal(byName[name].status, 'unavailable')
      assert.include(byName[name].message, '智能预警')
      assert.isUndefined(byName[name].data)
      assert.isString(byName[name].fetchedAt)
    }
    for (const name of ['principal', 'creditLines', 'related']) {
      assert.equal(byName[name].status, 'ok', `${name}: ${byName[name].message}`)
    }
    // The loans list of the form does not depend on any external system.
    ;(
      await client
        .get(`${PLAN_API}/plan-customers/${customer.id}/loans`)
        .bearerToken(applicant.token)
    ).assertStatus(200)
  }).timeout(60_000)

  test('核心系统 down: the plan is saved with book figures, marked as such', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant } = await planBook()
    sim.setFaults({ system: 'core-banking', errorRate: 1 })

    const created = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, loanIds))
    created.assertStatus(201)
    const plan = created.body()
    assert.isTrue(plan.loans.every((l: any) => l.figuresSource === 'book'))
    const principal = plan.sections.find((s: any) => s.section === 'principal')
    assert.equal(principal.status, 'unavailable')
    assert.include(principal.message, '核心系统')
    const book = await db.from('ca_loans').whereIn('id', loanIds).sum('balance_fen as fen').first()
    assert.equal(plan.principal.replace('.', ''), String(BigInt(book.fen)))
  }).timeout(60_000)
})
