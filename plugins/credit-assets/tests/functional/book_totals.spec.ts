import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'
import { snapshotLoans } from '../../snapshots/loan_snapshot.js'
import { bookTotalsSource } from '../../snapshots/book_totals.js'

/*
| 台账合计的日汇总 (snapshots/book_totals.ts): the 风险资产台账's count and 合计
| from the snapshot step's groups must equal a full SUM over the rows, to the
| fen, live after random changes and as of the snapshot date, for every scope.
*/
const LIST = 'credit-assets:risk-asset-ledger:list'
const CLASSES = ['normal', 'special', 'substandard', 'doubtful', 'loss']
const BRANCHES = ['110101', '110102', '310101', '440102']
const MONEY = {
  amount: 'amount_fen',
  balance: 'balance_fen',
  overduePrincipal: 'overdue_principal_fen',
  overdueInterest: 'overdue_interest_fen',
  penaltyInterest: 'penalty_interest_fen',
  compoundInterest: 'compound_interest_fen',
  onBalanceInterest: 'on_balance_interest_fen',
  offBalanceInterest: 'off_balance_interest_fen',
}

/** A small seeded generator: a failing run can be repeated with its seed. */
function random(seed: number) {
  let s = seed >>> 0
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: T[]) => items[Math.floor(next() * items.length)],
    fen: () => String(Math.floor(next() * 1e9)) + String(Math.floor(next() * 100)).padStart(2, '0'),
  }
}

/** Yuan text from fen digits, the reference side's own conversion (integers only). */
const yuan = (fen: string) => {
  const negative = fen.startsWith('-')
  const digits = (negative ? fen.slice(1) : fen).padStart(3, '0')
  return `${negative ? '-' : ''}${BigInt(digits.slice(0, -2))}.${digits.slice(-2)}`
}

type Where = (q: any) => void

/** The reference: COUNT and SUMs over every ledger row the conditions select. */
async function fullSum(asOf: string | null, where: Where) {
  const q = asOf
    ? db
        .from('ca_loan_snapshots as l')
        .join('ca_loans as ln', 'ln.id', 'l.loan_id')
        .join('ca_risk_assets as r', 'r.loan_id', 'l.loan_id')
        .where('l.snapshot_date', asOf)
        .whereNotNull('l.risk_status')
    : db.from('ca_risk_assets as r').join('ca_loans as l', 'l.id', 'r.loan_id')
  where(q)
  q.count('* as n')
  for (const [key, column] of Object.entries(MONEY)) {
    const table = asOf && column === 'amount_fen' ? 'ln' : 'l'
    q.select(db.raw(`CAST(COALESCE(SUM(${table}.${column}), 0) AS CHAR) as ??`, [key]))
  }
  const row = await q.first()
  const totals: Record<string, string> = {}
  for (const key of Object.keys(MONEY)) totals[key] = yuan(String(row[key]))
  return { total: Number(row.n), totals }
}

async function orgIds(codes: string[]) {
  return (await db.from('orgs').whereIn('code', codes).select('id')).map((o) => Number(o.id))
}

test.group('credit-assets: ledger totals from the snapshot groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('live and as-of 合计 equal a full SUM after random changes, for every scope', async ({
    client,
    assert,
  }) => {
    const seed = Date.now() % 100000
    const rnd = random(seed)
    const managers = [await userWith({ permissions: [LIST], dataScope: 'self', orgCode: '110101' })]
    managers.push(await userWith({ permissions: [LIST], dataScope: 'self', orgCode: '310101' }))
    const loans: number[] = []
    const plain: number[] = []
    for (let i = 0; i < 24; i++) {
      const booked = await bookLoan({
        riskAsset: i % 6 !== 5,
        orgCode: rnd.pick(BRANCHES),
        fiveClass: rnd.pick(CLASSES),
        balanceFen: rnd.fen(),
        amountFen: rnd.fen(),
        interestFen: rnd.fen(),
        overdueDays: rnd.int(400),
        managerId: rnd.int(3) ? rnd.pick(managers).user.id : null,
      })
      loans.push(booked.loanId)
      if (i % 6 === 5) plain.push(booked.loanId)
    }
    await snapshotLoans(db.connection(), '2026-12-04')
    const source = await bookTotalsSource(db.connection(), null)
    assert.isNotNull(source, 'the snapshot wrote its groups')

    // Random changes after the snapshot, each stamping updated_at as every writer does.
    const now = dbNow()
    for (const loanId of loans.filter(() => rnd.int(2) === 0)) {
      await db
        .from('ca_loans')
        .where('id', loanId)
        .update({
          balance_fen: rnd.fen(),
          overdue_principal_fen: rnd.fen(),
          penalty_interest_fen: rnd.fen(),
          five_class: rnd.pick(CLASSES),
          updated_at: now,
        })
    }
    const moved = rnd.pick(loans)
    const [org] = await orgIds([rnd.pick(BRANCHES)])
    await db.from('ca_loans').where('id', moved).update({ org_id: org, updated_at: now })
    await db.from('ca_risk_assets').where('loan_id', moved).update({ org_id: org, updated_at: now })
    await db
      .from('ca_risk_assets')
      .where('loan_id', rnd.pick(loans))
      .update({ status: 'exited', exited_on: '2026-12-05', updated_at: now })
    // A loan handed over after the snapshot, and a new risk loan booked after it.
    {
      const loan = await db.from('ca_loans').where('id', plain[0]).first()
      await db.table('ca_risk_assets').insert({
        loan_id: plain[0],
        customer_id: loan.customer_id,
        org_id: loan.org_id,
        manager_id: loan.manager_id,
        status: 'managed',
        entered_on: '2026-12-05',
        created_at: now,
        updated_at: now,
      })
    }
    await bookLoan({ riskAsset: true, orgCode: '110102', balanceFen: rnd.fen() })

    const [bj, sh] = await orgIds(['110000', '310000'])
    const branchSubtree = await orgIds(['110000', '110101', '110102'])
    const customOrgs = await orgIds(['310101', '440102'])
    const shSubtree = await orgIds(['310000', '310101', '310102'])
    const viewers = [
      { name: 'all', user: await userWith({ permissions: [LIST] }), where: (() => {}) as Where },
      {
        name: 'org_and_below',
        user: await userWith({
          permissions: [LIST],
          dataScope: 'org_and_below',
          orgCode: '110000',
        }),
        where: ((q) => q.whereIn('l.org_id', branchSubtree)) as Where,
      },
      {
        name: 'custom',
        user: await userWith({
          permissions: [LIST],
          dataScope: 'custom',
          customOrgCodes: ['310101', '440102'],
        }),
        where: ((q) => q.whereIn('l.org_id', customOrgs)) as Where,
      },
      {
        name: 'self',
        user: managers[0],
        where: ((q) => q.where('l.manager_id', managers[0].user.id)) as Where,
      },
    ]
    // As of a date the risk status is the snapshot's (l.risk_status), live the risk asset's.
    const filters: Array<{ qs: Record<string, string | number>; where: (asOf: boolean) => Where }> =
      [
        { qs: {}, where: () => () => {} },
        {
          qs: { fiveClass: 'substandard' },
          where: () => (q) => q.where('l.five_class', 'substandard'),
        },
        {
          qs: { riskStatus: 'exited' },
          where: (asOf) => (q) => q.where(asOf ? 'l.risk_status' : 'r.status', 'exited'),
        },
        { qs: { orgId: sh }, where: () => (q) => q.whereIn('l.org_id', shSubtree) },
        {
          qs: { product: 'working_capital', orgId: bj },
          where: () => (q) =>
            q.where('l.product', 'working_capital').whereIn('l.org_id', branchSubtree),
        },
      ]
    for (const viewer of viewers) {
      for (const filter of filters) {
        const label = `seed ${seed}, ${viewer.name}, ${JSON.stringify(filter.qs)}`
        const live = await client
          .get('/api/ledgers/risk-assets/totals')
          .bearerToken(viewer.user.token)
          .qs(filter.qs)
        assert.equal(live.status(), 200, JSON.stringify(live.body()))
        const expected = await fullSum(null, (q) => (viewer.where(q), filter.where(false)(q)))
        assert.deepEqual({ total: live.body().total, totals: live.body().totals }, expected, label)

        const page = await client
          .get('/api/ledgers/risk-assets/rows')
          .bearerToken(viewer.user.token)
          .qs(filter.qs)
        assert.equal(page.body().meta.total, expected.total, `count, ${label}`)

        const past = await client
          .get('/api/ledgers/risk-assets/totals')
          .bearerToken(viewer.user.token)
          .qs({ ...filter.qs, asOf: '2026-12-04' })
        const then = await fullSum('2026-12-04', (q) => (viewer.where(q), filter.where(true)(q)))
        assert.deepEqual(
          { total: past.body().total, totals: past.body().totals },
          then,
          `as of, ${label}`
        )
      }
    }
  })
})
