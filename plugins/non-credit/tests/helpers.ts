/*
| Arrangements of the non-credit tests: the simulator with this plugin's desk
| (数据中台's non-credit feed), every test in a rolled-back transaction, a small
| book of corporate customers at 朝阳支行 and 上海分行, and signed-in people.
*/
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { Group } from '@japa/runner/core'
import { userWith } from '#tests/helpers/auth'
import type { Simulator } from '../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../bank-systems/simulator/harness.js'
import { bookLoan } from '../../credit-assets/fixtures/book_fixture.js'
import { registerNonCreditDesk } from '../services/desk.js'
import { ASSETS } from '../services/tables.js'

export const API = '/api/non-credit'
export const LIST = 'non-credit:asset:list'
export const CLASSIFY = 'non-credit:asset:classify'
export const SYNC = 'non-credit:asset:sync'

export function withFeed(group: Group): () => Simulator {
  let sim: Simulator
  group.setup(async () => {
    registerNonCreditDesk()
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

/** Three corporate customers at 朝阳支行 (110101) and one at 上海分行 (310000). */
export async function bookCustomers() {
  const chaoyang = []
  for (let i = 0; i < 3; i++) chaoyang.push(await bookLoan({ orgCode: '110101' }))
  const shanghai = await bookLoan({ orgCode: '310000' })
  return { chaoyang, shanghai }
}

export async function assetsAt(orgCode: string) {
  return db
    .from(`${ASSETS} as a`)
    .join('orgs as o', 'o.id', 'a.org_id')
    .where('o.code', orgCode)
    .select('a.*')
    .orderBy('a.asset_no')
}

/** A clerk at `orgCode` with the plugin's codes, in the given scope. */
export const clerk = (
  orgCode: string,
  dataScope: 'org' | 'org_and_below' | 'all' = 'org_and_below'
) => userWith({ permissions: [LIST, CLASSIFY, SYNC, 'non-credit:ledger:list'], dataScope, orgCode })
