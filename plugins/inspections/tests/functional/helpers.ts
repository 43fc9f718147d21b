/* Shared setup of the inspections specs: a book, a simulator on loopback, the business date. */
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'

export function withSimulator(group: any, date = '2026-03-15') {
  const state = {} as { sim: Simulator }
  group.setup(async () => {
    state.sim = await startTestSimulator()
    return () => state.sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    state.sim.reset()
    await pointSystemsAt(state.sim)
    await businessDate.set(date)
    return async () => {
      await rollback()
      resetBreakers()
    }
  })
  return state
}

/** Takes `permission` away from the user's roles (they keep everything else). */
export async function revoke(userId: number, permission: string) {
  const roles = db.from('user_roles').where('user_id', userId).select('role_id')
  await db
    .from('role_permissions')
    .whereIn('role_id', roles)
    .where('permission', permission)
    .delete()
}

export const audited = (action: string, entityId: number | string) =>
  db.from('audit_logs').where('action', action).where('entity_id', String(entityId)).first()

/** A 1×1 PNG, base64. */
export const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
