/*
| The outbox specs' core banking: a connector system with one money-changing
| `posting` interface (with a batch endpoint when asked), pointed for each test
| at a fresh fake external system (fake_external_system.ts) that counts
| applications per idempotency key — inside the test's rolled-back transaction,
| with the breaker reset before and after.
|
|   definePostingSystem('test-core', { zh: '测试核心系统', en: 'Test core banking' })
|   test.group('Outbox', (group) => {
|     const fake = useFakePostingSystem(group, 'test-core')
|     test('…', async () => { fake().knobs.failRate = 0.5 … })
|   })
*/
import type { Group } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { connectorRegistry } from '#core/connectors/registry'
import { syncConnectors } from '#core/connectors/connector_store'
import { resetBreaker } from '#core/connectors/breakers'
import { startFakeExternalSystem, type FakeExternalSystem } from './fake_external_system.js'

/** Registers the system once per process (specs share the registry). */
export function definePostingSystem(
  code: string,
  name: { zh: string; en: string },
  batch?: { path: string; maxItems: number }
) {
  if (connectorRegistry.has(code)) return
  connectorRegistry.defineSystem({
    code,
    name,
    owner: '科技部',
    // A run with 50 % failures must not trip the breaker into long pauses.
    breaker: { consecutiveFailures: 1000, halfOpenAfterMs: 100 },
    interfaces: [
      {
        code: 'posting',
        name: { zh: '记账', en: 'Posting' },
        direction: 'outbound',
        method: 'POST',
        path: '/postings',
        moneyChanging: true,
        ...(batch ? { batch } : {}),
      },
    ],
  })
}

/** Each test of the group: its own fake receiver behind `code`; returns the current one. */
export function useFakePostingSystem(group: Group, code: string): () => FakeExternalSystem {
  let fake: FakeExternalSystem
  group.each.setup(async () => {
    fake = await startFakeExternalSystem()
    const rollback = await testUtils.db().withGlobalTransaction()
    await syncConnectors()
    await db.from('connector_systems').where('code', code).update({ base_url: fake.url })
    resetBreaker(code)
    return async () => {
      await rollback()
      await fake.close()
      resetBreaker(code)
    }
  })
  return () => fake
}

/** The outbox's messages counted by status ({ sent: 3, pending: 1 }). */
export async function outboxStatuses(): Promise<Record<string, number>> {
  return Object.fromEntries(
    (await db.from('outbox_messages').groupBy('status').select('status').count('* as n')).map(
      (r: any) => [r.status, Number(r.n)]
    )
  )
}
