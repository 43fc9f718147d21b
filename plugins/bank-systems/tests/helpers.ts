/*
| Test wiring for bank-systems: a small demo book in the test's transaction, a
| simulator on a free port reading that transaction, and 服务管理 pointed at it.
*/
import db from '@adonisjs/lucid/services/db'
import { syncConnectors } from '#core/connectors/connector_store'
import { resetBreaker } from '#core/connectors/breakers'
import { businessDate } from '#core/business_day/business_date'
import { generateDemoBank } from '../../credit-assets/demo/generate.js'
import { syncHandover } from '../../credit-assets/services/handover.js'
import { SYSTEM_CODES } from '../systems.js'
import { startSimulator, type Simulator } from '../simulator/server.js'

export async function startTestSimulator() {
  return startSimulator({ port: 0, db, seed: 7 })
}

/** Points every bank system at `sim` (inside the test's transaction) with fresh breakers. */
export async function pointSystemsAt(sim: Simulator) {
  await syncConnectors()
  for (const code of SYSTEM_CODES) {
    await db
      .from('connector_systems')
      .where('code', code)
      .update({ base_url: sim.systemUrl(code), enabled: true })
    resetBreaker(code)
  }
}

export function resetBreakers() {
  for (const code of SYSTEM_CODES) resetBreaker(code)
}

export async function smallBook() {
  const asOf = await businessDate.current()
  await generateDemoBank(db.connection(), { customers: 40, loans: 160, seed: 11, asOf })
  // As the demo job does: qualifying loans enter risk-asset management on the as-of date.
  await syncHandover(asOf, 90)
  return asOf
}

/** A customer of the book with collateral and a guarantee (the richest story). */
export async function richCustomer() {
  const row = await db
    .from('ca_collaterals')
    .join('ca_loans', 'ca_loans.id', 'ca_collaterals.loan_id')
    .join('ca_customers', 'ca_customers.id', 'ca_loans.customer_id')
    .orderBy('ca_customers.id')
    .select('ca_customers.*')
    .first()
  if (!row) throw new Error('the generated book has no collateral')
  return row
}
