/*
| Shared by the two outbox crash tests (a killed deliverer, a killed queue:work):
| they run outside a test transaction, so 服务管理's core-banking row is changed
| for real and restored afterwards, and the postings are committed in batches.
*/
import db from '@adonisjs/lucid/services/db'
import { syncConnectors } from '#core/connectors/connector_store'
import { outbox } from '#core/connectors/outbox'
import type { Simulator } from '../simulator/server.js'

/** Points core banking at `sim`; returns the function that puts the saved row back. */
export async function pointCoreBankingAt(sim: Simulator) {
  await syncConnectors()
  const saved = await db.from('connector_systems').where('code', 'core-banking').first()
  await db
    .from('connector_systems')
    .where('code', 'core-banking')
    .update({ base_url: sim.systemUrl('core-banking'), enabled: true })
  return async () => {
    if (!saved) return
    const { id, ...columns } = saved
    await db.from('connector_systems').where('id', id).update(columns)
  }
}

/** One 100.00 credit posting per key, committed 100 to a transaction. */
export async function enqueuePostings(keys: string[]) {
  for (let start = 0; start < keys.length; start += 100)
    await db.transaction(async (trx) => {
      for (const key of keys.slice(start, start + 100))
        await outbox.enqueue(trx, {
          system: 'core-banking',
          interface: 'posting',
          idempotencyKey: key,
          payload: {
            loanNo: 'LN0001',
            accountNo: '6222021234567890123',
            amount: '100.00',
            direction: 'credit',
          },
        })
    })
}
