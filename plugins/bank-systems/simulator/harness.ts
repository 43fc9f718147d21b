/*
| The simulator as other plugins' tests use it (a public module of bank-systems):
| start one on a free port reading the test's transaction, point 服务管理's
| systems at it, reset the circuit breakers between tests.
*/
import db from '@adonisjs/lucid/services/db'
import { syncConnectors } from '#core/connectors/connector_store'
import { resetBreaker } from '#core/connectors/breakers'
import { SYSTEM_CODES } from '../systems.js'
import { startSimulator, type Simulator } from './server.js'

export type { Simulator }

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
