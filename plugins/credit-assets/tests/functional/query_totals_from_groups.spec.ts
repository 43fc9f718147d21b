import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'
import { snapshotLoans } from '../../snapshots/loan_snapshot.js'

/*
| 综合查询 on 风险资产: the count and 合计 from the snapshot groups (the dataset's
| `aggregate`, core backend/query/aggregate_totals.ts) equal a full SUM over the
| rows, live after random changes and as of the snapshot date, for four scopes ×
| condition sets (one on 逾期天数, which the groups do not carry) and grouped.
*/
const PERMS = ['system:query:run', 'credit-assets:risk-asset:list']
const DATASET = 'credit-assets:risk-assets'
const CLASSES = ['normal', 'special', 'substandard', 'doubtful', 'loss']
const PRODUCTS = ['working_capital', 'fixed_asset', 'consumer']
const BRANCHES = ['110101', '110102', '310101', '440102']
const AMOUNTS = ['amount', 'balance', 'overduePrincipal', 'onBalanceInterest'] as const
const COLUMNS: Record<(typeof AMOUNTS)[number], string> = {
  amount: 'amount_fen',
  balance: 'balance_fen',
  overduePrincipal: 'overdue_principal_fen',
  onBalanceInterest: 'on_balance_interest_fen',
}

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
let calls = 0

/** The reference: every matching row, summed by the database (state columns `x`, loan `l`). */
async function fullSum(asOf: string | null, where: Where) {
  const q = asOf
    ? db
        .from('ca_loan_snapshots as x')
        .join('ca_loans as l', 'l.id', 'x.loan_id')
        .where('x.snapshot_date', asOf)
        .whereNotNull('x.risk_status')
    : db
        .from('ca_risk_assets as r')
        .join('ca_loans as x', 'x.id', 'r.loan_id')
        .join('ca_loans as l', 'l.id', 'r.loan_id')
  where(q)
  q.count('* as count')
  for (const key of AMOUNTS)
    q.select(
      db.raw(
        `CAST(COALESCE(SUM(${key === 'amount' ? 'l' : 'x'}.${COLUMNS[key]}), 0) AS CHAR) as ??`,
        [key]
      )
    )
  const row = await q.first()
  return {
    count: Number(row.count),
    ...(Object.fromEntries(AMOUNTS.map((k) => [k, String(row[k])])) as Record<
      (typeof AMOUNTS)[number],
      string
    >),
  }
}

const yuan = (fen: string) => {
  const negative = fen.startsWith('-')
  const digits = (negative ? fen.slice(1) : fen).padStart(3, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
}

test.group('credit-assets: 综合查询 count and 合计 from the snapshot groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('equal a full SUM after random changes, every scope, live and as of', async ({
    client,
    assert,
  }) => {
    const seed = Date.now() % 100000
    const rnd = random(seed)
    const manager = await userWith({ permissions: PERMS, dataScope: 'self', orgCode: '110101' })
    const loans: number[] = []
    for (let i = 0; i < 20; i++) {
      const booked = await bookLoan({
        riskAsset: true,
        orgCode: rnd.pick(BRANCHES),
        fiveClass: rnd.pick(CLASSES),
        overdueDays: rnd.int(3) * 30,
        balanceFen: String(100_000 + rnd.int(90_000_000)),
        interestFen: String(rnd.int(500_000)),
        managerId: rnd.int(2) ? manager.user.id : null,
      })
      loans.push(booked.loanId)
      await db
        .from('ca_loans')
        .where('id', booked.loanId)
        .update({ product: rnd.pick(PRODUCTS) })
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
          overdue_principal_fen: String(rnd.int(1_000_000)),
          updated_at: now,
        })
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
    const viewers: Array<{ name: string; token: string; where: Where }> = [
      { name: 'all', token: (await userWith({ permissions: PERMS })).token, where: () => {} },
      {
        name: 'org_and_below',
        token: (
          await userWith({ permissions: PERMS, dataScope: 'org_and_below', orgCode: '110000' })
        ).token,
        where: (q) => q.whereIn('x.org_id', branch),
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
        where: (q) => q.whereIn('x.org_id', custom),
      },
      {
        name: 'self',
        token: manager.token,
        where: (q) => q.where('x.manager_id', manager.user.id),
      },
    ]
    const risk = (asOf: string | null) => (asOf ? 'x.risk_status' : 'r.status')
    const conditions: Array<{
      name: string
      where?: unknown
      ref: (asOf: string | null) => Where
    }> = [
      { name: 'none', ref: () => () => {} },
      {
        name: '次级',
        where: { logic: 'and', items: [{ field: 'fiveClass', op: 'eq', value: 'substandard' }] },
        ref: () => (q) => q.where('x.five_class', 'substandard'),
      },
      {
        name: 'product in, or exited, in 北京 branches',
        where: {
          logic: 'and',
          items: [
            {
              logic: 'or',
              items: [
                { field: 'product', op: 'in', values: ['consumer', 'fixed_asset'] },
                { field: 'riskStatus', op: 'eq', value: 'exited' },
              ],
            },
            { field: 'orgCode', op: 'in', values: ['110101', '110102'] },
          ],
        },
        ref: (asOf) => (q) =>
          q
            .where((w: any) =>
              w.whereIn('x.product', ['consumer', 'fixed_asset']).orWhere(risk(asOf), 'exited')
            )
            .whereIn('x.org_id', (s: any) =>
              s.from('orgs').whereIn('code', ['110101', '110102']).select('id')
            ),
      },
      {
        name: 'not 正常, with a manager',
        where: {
          logic: 'and',
          items: [
            { field: 'fiveClass', op: 'ne', value: 'normal' },
            { field: 'managerName', op: 'notEmpty' },
          ],
        },
        ref: () => (q) =>
          q
            .whereNot('x.five_class', 'normal')
            .whereIn('x.manager_id', (s: any) =>
              s.from('users').whereNotNull('real_name').whereNot('real_name', '').select('id')
            ),
      },
      {
        // 逾期天数 is not in the groups: the rows are summed.
        name: '逾期 ≥ 30 (rows)',
        where: { logic: 'and', items: [{ field: 'overdueDays', op: 'gte', value: '30' }] },
        ref: () => (q) => q.where('x.overdue_days', '>=', 30),
      },
    ]
    const run = (token: string, where: unknown, asOf: string | null, extra = {}) =>
      client
        .post(`/api/query/run?call=${++calls}`)
        .bearerToken(token)
        .json({
          query: {
            dataset: DATASET,
            fields: ['loanNo', ...AMOUNTS],
            ...(where ? { where } : {}),
            ...(asOf ? { asOf } : {}),
            ...extra,
          },
          perPage: 1,
        })

    for (const asOf of [null, '2026-12-04']) {
      for (const viewer of viewers) {
        for (const condition of conditions) {
          const label = `seed ${seed}, ${asOf ?? 'live'}, ${viewer.name}, ${condition.name}`
          const response = await run(viewer.token, condition.where, asOf)
          assert.equal(response.status(), 200, label)
          const expected = await fullSum(asOf, (q) => {
            viewer.where(q)
            condition.ref(asOf)(q)
          })
          assert.equal(response.body().meta.total, expected.count, label)
          for (const key of AMOUNTS)
            assert.equal(
              response.body().totals[key],
              yuan((expected as any)[key]),
              `${label} ${key}`
            )
        }
      }
    }

    // Grouped by 五级分类: the number of groups, the rows' count and the chosen sums.
    for (const viewer of viewers) {
      const response = await run(viewer.token, null, null, {
        fields: ['fiveClass'],
        groupBy: ['fiveClass'],
        sums: ['balance'],
      })
      assert.equal(response.status(), 200, viewer.name)
      const rows = await db
        .from('ca_risk_assets as r')
        .join('ca_loans as x', 'x.id', 'r.loan_id')
        .where((q) => viewers.find((v) => v.name === viewer.name)!.where(q))
        .groupBy('x.five_class')
        .select('x.five_class')
      const expected = await fullSum(null, viewer.where)
      assert.equal(response.body().meta.total, rows.length, `${viewer.name} groups`)
      assert.equal(response.body().totals.count, expected.count, `${viewer.name} count`)
      assert.equal(response.body().totals.sum_balance, yuan(expected.balance), viewer.name)
    }

    // Proof the groups answer: a row written behind the updated_at rule (stamped before
    // the snapshot) is missed by them, while the 逾期天数 condition sums the rows.
    const hidden = await bookLoan({ riskAsset: true, orgCode: '110101', balanceFen: '12345' })
    for (const table of ['ca_loans', 'ca_risk_assets'])
      await db
        .from(table)
        .where(table === 'ca_loans' ? 'id' : 'loan_id', hidden.loanId)
        .update({ updated_at: '2000-01-01 00:00:00' })
    const all = viewers[0].token
    const grouped = await run(all, null, null)
    assert.equal(grouped.body().meta.total, (await fullSum(null, () => {})).count - 1)
    const rows = await run(all, conditions[4].where, null)
    assert.equal(
      rows.body().meta.total,
      (await fullSum(null, (q) => q.where('x.overdue_days', '>=', 30))).count
    )
  })
})
