import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../helpers.js'
import { snapshotLoans } from '../../snapshots/loan_snapshot.js'

/*
| The 风险资产台账's default page (no filter, newest 移交日期 first) for each data
| scope: the scope predicate reads the risk asset's org / manager (indexed with
| entered_on), so it must select exactly the loans whose own org / manager is in
| scope; paging walks every row once, in order, and the count matches.
*/
const LIST = 'credit-assets:risk-asset-ledger:list'

async function orgIds(codes: string[]) {
  return (await db.from('orgs').whereIn('code', codes).select('id')).map((o) => Number(o.id))
}

test.group('credit-assets: 风险资产台账 default page per scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every scope pages through exactly its rows, newest first, counted right', async ({
    client,
    assert,
  }) => {
    const manager = await userWith({ permissions: [LIST], dataScope: 'self', orgCode: '110101' })
    const codes = ['110101', '110102', '310101', '440101']
    for (let i = 0; i < 16; i++) {
      // Half booked before a snapshot: the count is its groups plus the loans since.
      if (i === 8) await snapshotLoans(db.connection(), '2026-12-04')
      await bookLoan({
        riskAsset: true,
        orgCode: codes[i % codes.length],
        managerId: i % 3 === 0 ? manager.user.id : null,
        // Pairs share a date: the row key must break the tie the same way on every page.
        enteredOn: `2026-0${1 + Math.floor(i / 4)}-${String(10 + (i % 2)).padStart(2, '0')}`,
      })
    }
    const viewers = [
      {
        name: 'org_and_below',
        user: await userWith({
          permissions: [LIST],
          dataScope: 'org_and_below',
          orgCode: '110000',
        }),
        where: async (q: any) =>
          q.whereIn('l.org_id', await orgIds(['110000', '110101', '110102'])),
      },
      {
        name: 'custom',
        user: await userWith({
          permissions: [LIST],
          dataScope: 'custom',
          customOrgCodes: ['310101'],
        }),
        where: async (q: any) => q.whereIn('l.org_id', await orgIds(['310101'])),
      },
      {
        name: 'self',
        user: manager,
        where: async (q: any) => q.where('l.manager_id', manager.user.id),
      },
      { name: 'all', user: await userWith({ permissions: [LIST] }), where: async () => {} },
    ]
    for (const viewer of viewers) {
      // The expectation by the loan's own columns (not the risk asset's copies).
      const expectedQuery = db
        .from('ca_risk_assets as r')
        .join('ca_loans as l', 'l.id', 'r.loan_id')
        .select('r.loan_id')
        .orderBy('r.entered_on', 'desc')
        .orderBy('r.id', 'desc')
      await viewer.where(expectedQuery)
      const expected = (await expectedQuery).map((r) => String(r.loan_id))
      assert.isAbove(expected.length, 0, viewer.name)

      const seen: string[] = []
      let total = -1
      for (let page = 1; page <= 200; page++) {
        const response = await client
          .get('/api/ledgers/risk-assets/rows')
          .bearerToken(viewer.user.token)
          .qs({ page, perPage: 5 })
        assert.equal(response.status(), 200, JSON.stringify(response.body()))
        total = response.body().meta.total
        const rows = response.body().data as Record<string, string>[]
        seen.push(...rows.map((r) => r.loanNo__link))
        if (rows.length < 5) break
      }
      assert.deepEqual(seen, expected, `${viewer.name}: every row once, newest first`)
      assert.equal(total, expected.length, `${viewer.name}: count`)
    }
  })
})
