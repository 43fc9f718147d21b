import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'
import { snapshotLoans } from '../../snapshots/loan_snapshot.js'

/*
| 五级分类分布 and 风险客户排名 from the snapshot step's dashboard groups
| (snapshots/dashboard_totals.ts), live-corrected: after random changes they
| equal the row computation for four scopes, to the fen.
*/
const PERMS = ['credit-assets:risk-asset:list', 'credit-assets:loan:list']
const CLASSES = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss']
const BRANCHES = ['110101', '110102', '310101', '440102']
const data = (id: string) => `/api/dashboard/widgets/${id}/data`

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
const yuan = (fen: string) => {
  const digits = fen.padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

type Where = (q: any) => void

/** The rows' answer: the active book by class (loan scope columns `l`). */
async function classRows(where: Where) {
  const q = db.from('ca_loans as l').where('l.status', 'active')
  where(q)
  const rows = await q
    .groupBy('l.five_class')
    .select(
      'l.five_class',
      db.raw('COUNT(*) as n'),
      db.raw('CAST(SUM(l.balance_fen) AS CHAR) as b')
    )
  const by = new Map(rows.map((r) => [r.five_class, r]))
  return CLASSES.map((c) => ({
    code: c,
    loans: Number(by.get(c)?.n ?? 0),
    balance: yuan(String(by.get(c)?.b ?? '0')),
  }))
}

/** The rows' answer: managed risk assets per customer, largest balance first. */
async function customerRows(where: Where) {
  const q = db
    .from('ca_risk_assets as r')
    .join('ca_loans as l', 'l.id', 'r.loan_id')
    .where('r.status', 'managed')
  where(q)
  const rows = await q
    .groupBy('r.customer_id')
    .select(
      'r.customer_id',
      db.raw('COUNT(*) as n'),
      db.raw('CAST(SUM(l.balance_fen) AS CHAR) as b')
    )
    .orderByRaw('SUM(l.balance_fen) DESC')
    .orderBy('r.customer_id')
    .limit(20)
  return rows.map((r) => [Number(r.customer_id), Number(r.n), yuan(String(r.b))])
}

test.group('credit-assets: dashboard widgets from the snapshot groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('五级分类分布 and 风险客户排名 equal the rows after random changes, every scope', async ({
    client,
    assert,
  }) => {
    const seed = Date.now() % 100000
    const rnd = random(seed)
    const manager = await userWith({ permissions: PERMS, dataScope: 'self', orgCode: '110101' })
    const loans: number[] = []
    const customers: number[] = []
    for (let i = 0; i < 24; i++) {
      const booked = await bookLoan({
        riskAsset: rnd.int(3) > 0,
        orgCode: rnd.pick(BRANCHES),
        fiveClass: rnd.pick(CLASSES),
        balanceFen: String(100_000 + rnd.int(90_000_000)),
        managerId: rnd.int(2) ? manager.user.id : null,
        // Some customers with two loans, so the ranking sums per customer.
        ...(customers.length && rnd.int(3) === 0 ? { customerId: rnd.pick(customers) } : {}),
      })
      loans.push(booked.loanId)
      customers.push(booked.customerId)
    }
    await snapshotLoans(db.connection(), '2026-12-04')
    const now = dbNow()
    for (const loanId of loans.filter(() => rnd.int(3) === 0))
      await db
        .from('ca_loans')
        .where('id', loanId)
        .update({
          five_class: rnd.pick(CLASSES),
          balance_fen: String(rnd.int(50_000_000)),
          updated_at: now,
        })
    const moved = rnd.pick(loans)
    const [org] = await ids([rnd.pick(BRANCHES)])
    await db.from('ca_loans').where('id', moved).update({ org_id: org, updated_at: now })
    await db.from('ca_risk_assets').where('loan_id', moved).update({ org_id: org, updated_at: now })
    await db
      .from('ca_loans')
      .where('id', rnd.pick(loans))
      .update({ status: 'settled', updated_at: now })
    await db
      .from('ca_risk_assets')
      .where('loan_id', rnd.pick(loans))
      .update({ status: 'exited', exited_on: '2026-12-05', updated_at: now })
    await bookLoan({ riskAsset: true, orgCode: '110102', managerId: manager.user.id })

    const branch = await ids(['110000', '110101', '110102'])
    const custom = await ids(['310101', '440102'])
    const viewers: Array<{ name: string; token: string; where: Where }> = [
      { name: 'all', token: (await userWith({ permissions: PERMS })).token, where: () => {} },
      {
        name: 'org_and_below',
        token: (
          await userWith({ permissions: PERMS, dataScope: 'org_and_below', orgCode: '110000' })
        ).token,
        where: (q) => q.whereIn('l.org_id', branch),
      },
      {
        name: 'custom',
        token: (
          await userWith({
            permissions: PERMS,
            dataScope: 'custom',
            customOrgCodes: ['310101', '440102'],
          })
        ).token,
        where: (q) => q.whereIn('l.org_id', custom),
      },
      {
        name: 'self',
        token: manager.token,
        where: (q) => q.where('l.manager_id', manager.user.id),
      },
    ]
    for (const viewer of viewers) {
      const label = `seed ${seed}, ${viewer.name}`
      const mix = await client.get(data('credit-assets:class-mix')).bearerToken(viewer.token)
      assert.equal(mix.status(), 200, label)
      assert.deepEqual(mix.body().classes, await classRows(viewer.where), label)
      const top = await client
        .get(`${data('credit-assets:top-customers')}?n=20`)
        .bearerToken(viewer.token)
      assert.equal(top.status(), 200, label)
      assert.deepEqual(
        top.body().rows.map((r: any) => [r.customerId, r.loans, r.balance]),
        await customerRows(viewer.where),
        label
      )
    }

    // Proof the groups answer: a loan written behind the updated_at rule is not seen.
    const hidden = await bookLoan({ orgCode: '110101', fiveClass: 'normal', balanceFen: '12345' })
    await db
      .from('ca_loans')
      .where('id', hidden.loanId)
      .update({ updated_at: '2000-01-01 00:00:00' })
    const mix = await client.get(data('credit-assets:class-mix')).bearerToken(viewers[0].token)
    assert.notDeepEqual(mix.body().classes, await classRows(() => {}))
  })
})
