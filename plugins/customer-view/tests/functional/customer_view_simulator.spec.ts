import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import {
  richCustomer,
  generatedBook as smallBook,
} from '../../../credit-assets/fixtures/book_fixture.js'

/*
| The acceptance path end to end: a demo-book customer's external panels come
| from the bank-systems simulator over real HTTP through the real adapters, and
| a system the simulator makes fail shows as unavailable, alone.
*/
const base = '/api/customer-view'

test.group('customer-view: panels from the bank-systems simulator', (group) => {
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

  test('every panel of a demo customer has data; a failing 智能预警 is unavailable alone', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const customer = await richCustomer()
    const admin = await tokenFor('admin')
    const panel = async (name: string) => {
      const response = await client
        .get(`${base}/customers/${customer.id}/panels/${name}`)
        .bearerToken(admin)
      response.assertStatus(200)
      return response.body()
    }

    for (const name of ['alerts', 'graph', 'collections', 'creditLines']) {
      const result = await panel(name)
      assert.equal(result.status, 'ok', `${name}: ${result.message}`)
    }
    const graph = await panel('graph')
    assert.isAbove(graph.data.nodes.length, 0)
    const portrait = await client.get(`${base}/customers/${customer.id}`).bearerToken(admin)
    portrait.assertStatus(200)
    assert.isAbove(portrait.body().loans.length, 0)

    sim.setFaults({ system: 'warning', errorRate: 1 })
    const down = await panel('alerts')
    assert.equal(down.status, 'unavailable')
    assert.include(down.message, '智能预警')
    assert.equal((await panel('creditLines')).status, 'ok')
  })
})
