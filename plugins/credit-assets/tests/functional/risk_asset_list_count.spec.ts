import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'
import { snapshotLoans } from '../../snapshots/loan_snapshot.js'

/*
| The 风险资产 list's total from the snapshot groups (services/risk_asset_count.ts)
| equals COUNT(*) over the listed risk assets, live after random changes, for
| every scope and for each filter the groups carry.
*/
const LIST = 'credit-assets:risk-asset:list'
const CLASSES = ['normal', 'special', 'substandard', 'doubtful', 'loss']
const BRANCHES = ['110101', '110102', '310101', '440102']

function random(seed: number) {
  let s = seed >>> 0
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: T[]) => items[Math.floor(next() * items.length)],
  }
}

const ids = async (codes: string[]) =>
  (await db.from('orgs').whereIn('code', codes).select('id')).map((o) => Number(o.id))

type Where = (q: any) => void

/** The reference: every listed risk asset the conditions keep, counted row by row. */
async function rowCount(where: Where) {
  const q = db.from('ca_risk_assets as r').join('ca_loans as l', 'l.id', 'r.loan_id')
  where(q)
  return Number((await q.count('* as n').first()).n)
}

test.group('credit-assets: risk-asset list total from the snapshot groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('equals COUNT(*) after random changes, for every scope and carried filter', async ({
    client,
    assert,
  }) => {
    const seed = Date.now() % 100000
    const rnd = random(seed)
    const manager = await userWith({ permissions: [LIST], dataScope: 'self', orgCode: '110101' })
    const loans: number[] = []
    for (let i = 0; i < 20; i++) {
      const booked = await bookLoan({
        riskAsset: true,
        orgCode: rnd.pick(BRANCHES),
        fiveClass: rnd.pick(CLASSES),
        managerId: rnd.int(2) ? manager.user.id : null,
      })
      loans.push(booked.loanId)
    }
    await snapshotLoans(db.connection(), '2026-12-04')
    const now = dbNow()
    for (const loanId of loans.filter(() => rnd.int(3) === 0))
      await db
        .from('ca_loans')
        .where('id', loanId)
        .update({ five_class: rnd.pick(CLASSES), updated_at: now })
    const moved = rnd.pick(loans)
    const [org] = await ids([rnd.pick(BRANCHES)])
    await db.from('ca_loans').where('id', moved).update({ org_id: org, updated_at: now })
    await db.from('ca_risk_assets').where('loan_id', moved).update({ org_id: org, updated_at: now })
    await db
      .from('ca_risk_assets')
      .where('loan_id', rnd.pick(loans))
      .update({ status: 'exited', exited_on: '2026-12-05', updated_at: now })
    await bookLoan({ riskAsset: true, orgCode: '110102', managerId: manager.user.id })

    const branch = await ids(['110000', '110101', '110102'])
    const custom = await ids(['310101', '440102'])
    const [sh] = await ids(['310000'])
    const shSubtree = await ids(['310000', '310101', '310102'])
    const viewers: Array<{ name: string; token: string; where: Where }> = [
      { name: 'all', token: (await userWith({ permissions: [LIST] })).token, where: () => {} },
      {
        name: 'org_and_below',
        token: (
          await userWith({ permissions: [LIST], dataScope: 'org_and_below', orgCode: '110000' })
        ).token,
        where: (q) => q.whereIn('r.org_id', branch),
      },
      {
        name: 'custom',
        token: (
          await userWith({
            permissions: [LIST],
            dataScope: 'custom',
            customOrgCodes: ['310101', '440102'],
          })
        ).token,
        where: (q) => q.whereIn('r.org_id', custom),
      },
      {
        name: 'self',
        token: manager.token,
        where: (q) => q.where('r.manager_id', manager.user.id),
      },
    ]
    const filters: Array<{ qs: Record<string, string | number>; where: Where }> = [
      { qs: {}, where: () => {} },
      { qs: { status: 'exited' }, where: (q) => q.where('r.status', 'exited') },
      { qs: { fiveClass: 'substandard' }, where: (q) => q.where('l.five_class', 'substandard') },
      { qs: { orgId: sh }, where: (q) => q.whereIn('r.org_id', shSubtree) },
    ]
    for (const viewer of viewers) {
      for (const filter of filters) {
        const label = `seed ${seed}, ${viewer.name}, ${JSON.stringify(filter.qs)}`
        const list = await client
          .get('/api/credit-assets/risk-assets')
          .bearerToken(viewer.token)
          .qs(filter.qs)
        assert.equal(list.status(), 200, label)
        const expected = await rowCount((q) => {
          viewer.where(q)
          filter.where(q)
        })
        assert.equal(list.body().meta.total, expected, label)
      }
    }

    // Proof the groups answer: a row written behind the updated_at rule (stamped
    // before the snapshot) is not counted by them, while the keyword path counts rows.
    const hidden = await bookLoan({ riskAsset: true, orgCode: '110101' })
    await db
      .from('ca_risk_assets')
      .where('loan_id', hidden.loanId)
      .update({ updated_at: '2000-01-01 00:00:00' })
    await db
      .from('ca_loans')
      .where('id', hidden.loanId)
      .update({ updated_at: '2000-01-01 00:00:00' })
    const all = viewers[0]
    const total = (await client.get('/api/credit-assets/risk-assets').bearerToken(all.token)).body()
      .meta.total
    assert.equal(total, (await rowCount(() => {})) - 1)
  })
})
