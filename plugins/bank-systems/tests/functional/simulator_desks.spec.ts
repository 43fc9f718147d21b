import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { call } from '#core/connectors/http_connector'
import { connectorRegistry } from '#core/connectors/registry'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../simulator/harness.js'
import { badRequest, ok, registerSimulatorDesk, reply } from '../../simulator/desks.js'

/*
| Another plugin's endpoints in the simulator (simulator/desks.ts): a desk
| registered after the simulator started answers its own path of a system,
| through the real connector (an interface added with `extendSystem`), under
| the system's fault knobs; its control endpoint, reset and stats are the
| simulator's. Other paths still reach the built-in routes.
*/
const DESK = 'desk-test'
let received: string[] = []

function registerTestDesk() {
  registerSimulatorDesk(DESK, (ctx) => ({
    async route({ system, method, path, body }) {
      if (system !== 'data-platform' || method !== 'POST' || path !== '/desk-test/query')
        return null
      if (!body?.businessDate) return badRequest('businessDate 必填')
      received.push(body.businessDate)
      return reply(ok({ today: await ctx.businessDate(), echoed: body.businessDate }))
    },
    control(method, path, body) {
      if (method !== 'POST' || path !== '/__sim/desk-test/mark') return null
      received.push(`mark:${body?.note}`)
      return reply({ ok: true })
    },
    reset: () => {
      received = []
    },
    stats: () => ({ received: received.length }),
  }))
}

test.group('bank-systems simulator desks', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    if (!connectorRegistry.interface('data-platform', 'desk-test-feed'))
      connectorRegistry.extendSystem(
        'data-platform',
        [
          {
            code: 'desk-test-feed',
            name: { zh: '测试馈送', en: 'Test feed' },
            direction: 'outbound',
            method: 'POST',
            path: '/desk-test/query',
            retries: 0,
          },
        ],
        'desk-test-plugin'
      )
    registerTestDesk()
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

  test('a desk answers its path through the connector; others pass on', async ({ assert }) => {
    const answer: any = await call('data-platform', 'desk-test-feed', {
      businessDate: '2026-03-02',
    })
    assert.equal(answer.retCode, '0000')
    assert.equal(answer.data.echoed, '2026-03-02')
    assert.match(answer.data.today, /^\d{4}-\d{2}-\d{2}$/)
    // The built-in routes are still there.
    const handovers = await fetch(`${sim.systemUrl('data-platform')}/handovers/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ businessDate: '2026-03-02' }),
    })
    assert.equal(((await handovers.json()) as any).retCode, '0000')
    const refused = await fetch(`${sim.systemUrl('data-platform')}/desk-test/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    assert.equal(refused.status, 400)
    assert.deepEqual(sim.stats().desks[DESK], { received: 1 })
  })

  test('fault knobs apply to a desk; control endpoint and reset are the simulator’s', async ({
    assert,
  }) => {
    sim.setFaults({ system: 'data-platform', errorRate: 1 })
    await assert.rejects(() =>
      call('data-platform', 'desk-test-feed', { businessDate: '2026-03-02' })
    )
    assert.deepEqual(received, [])
    sim.setFaults({ system: 'data-platform', errorRate: 0 })
    resetBreakers()
    const marked = await fetch(`${sim.url}/__sim/desk-test/mark`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'x' }),
    })
    assert.equal(marked.status, 200)
    assert.deepEqual(received, ['mark:x'])
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' })
    assert.deepEqual(received, [])
  })
})
