/*
| Shared arrangements of the expenses route tests: the API path, a body, fast
| outbox delivery and draining, and the simulator (core banking) per group.
*/
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { Group } from '@japa/runner/core'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'
import type { Simulator } from '../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../bank-systems/simulator/harness.js'

export const API = '/api/expenses/expenses'
/* Small back-offs and timeouts keep the test fast; production reads its 参数. */
export const FAST: DeliveryOptions = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 80,
  retries: 0,
  maxAttempts: 3,
}

export const body = (
  customerId: number,
  loanIds: number[],
  extra: Record<string, unknown> = {}
) => ({
  feeKind: 'preservation_fee',
  customerId,
  loanIds,
  payer: '本行',
  payee: '北京市朝阳区人民法院',
  amount: '5000.00',
  expenseDate: '2026-01-05',
  recoverable: true,
  remark: '财产保全申请费',
  ...extra,
})

/** Delivers until nothing is due (the queue worker may take some meanwhile). */
export async function drain(options: DeliveryOptions = FAST) {
  for (let round = 0; round < 20; round++) {
    await outbox.deliverDue(options)
    const due = await db
      .from('outbox_messages')
      .where('status', 'pending')
      .where('idempotency_key', 'like', 'expenses:%')
      .count('* as n')
      .first()
    if (!Number(due.n)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Starts the simulator for the group and rolls every test back; `sim()` is the simulator. */
export function withSimulator(group: Group): () => Simulator {
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
  return () => sim
}
