import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { businessDate } from '#core/business_day/business_date'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { approvedPlan, record, reverse } from '../outcome_helpers.js'

/*
| 资产处置台账 (/ledgers/disposal-outcomes) and GET /api/disposal/outcomes/:id:
| data scope on the loans' org and manager (another branch and 仅本人 of
| another manager see nothing; by id that is a 404), the plan and source
| links, 合计 to the fen, and as-of dates by the recording date.
*/
const LEDGER = '/api/ledgers/disposal-outcomes'
const PERMS = ['disposal:ledger:list', 'disposal:ledger:export']

test.group('disposal outcomes: 资产处置台账', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('rows, links and totals for the branch; nothing for another branch or another manager', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-03-15')
    const mine = await userWith({ permissions: PERMS, dataScope: 'self', orgCode: '110101' })
    const notMine = await userWith({ permissions: PERMS, dataScope: 'self', orgCode: '110101' })
    const beijing = await userWith({
      permissions: PERMS,
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const shanghai = await userWith({
      permissions: PERMS,
      dataScope: 'org_and_below',
      orgCode: '310000',
    })

    const loan = await bookLoan({ fiveClass: 'loss', riskAsset: true, managerId: mine.user.id })
    const planId = await approvedPlan(loan.customerId, loan.orgId, [loan.loanId], 'transfer')
    const { outcome } = await record({
      loanIds: [loan.loanId],
      method: 'transfer',
      completedOn: '2026-03-12',
      cashRecovered: '600000.10',
      loss: '399999.95',
      fees: '0.05',
      sourcePlugin: 'transfer',
      sourceRef: 'deal-7',
      sourceLink: '/p/transfer/Deals?id=7',
    })
    await businessDate.set('2026-03-16')
    const { outcome: second } = await record({
      loanIds: [loan.loanId],
      completedOn: '2026-03-16',
      cashRecovered: '0.20',
    })
    const customerNo = (
      await client.get(`/api/disposal/outcomes/${outcome.id}`).bearerToken(beijing.token)
    ).body().customerNo

    const rows = (token: string, qs: Record<string, unknown> = {}) =>
      client
        .get(`${LEDGER}/rows`)
        .qs({ keyword: customerNo, ...qs })
        .bearerToken(token)
    const branch = await rows(beijing.token)
    branch.assertStatus(200)
    assert.equal(branch.body().meta.total, 2)
    const row = branch.body().data.find((r: any) => r.id === outcome.id)
    assert.include(row, {
      method: 'transfer',
      completedOn: '2026-03-12',
      recordedOn: '2026-03-15',
      cashRecovered: '600000.10',
      loss: '399999.95',
      fees: '0.05',
      balanceReduced: '1000000.05',
      planNo__link: String(planId),
      sourceRef: 'deal-7',
      sourceRef__link: '/p/transfer/Deals?id=7',
    })
    assert.isString(row.planNo)
    const totals = await client
      .get(`${LEDGER}/totals`)
      .qs({ keyword: customerNo })
      .bearerToken(beijing.token)
    assert.include(totals.body().totals, { cashRecovered: '600000.30', fees: '0.05' })

    // As of the 15th: only what was recorded by that evening.
    const asOf = await rows(beijing.token, { asOf: '2026-03-15' })
    assert.deepEqual(
      asOf.body().data.map((r: any) => r.id),
      [outcome.id]
    )
    // A reversal recorded later shows beside the original today, not as of the 15th.
    await businessDate.set('2026-03-17')
    const { outcome: reversal } = await reverse({ outcomeId: second.id })
    const today = await rows(beijing.token, { sort: 'id', order: 'asc' })
    assert.deepEqual(
      today.body().data.map((r: any) => [r.id, r.reversesId, r.reversedById]),
      [
        [outcome.id, null, null],
        [second.id, null, reversal.id],
        [reversal.id, second.id, null],
      ]
    )
    const before = await rows(beijing.token, { asOf: '2026-03-16', sort: 'id', order: 'asc' })
    assert.deepEqual(
      before.body().data.map((r: any) => [r.id, r.reversedById]),
      [
        [outcome.id, null],
        [second.id, null],
      ]
    )

    assert.equal((await rows(mine.token)).body().meta.total, 3)
    assert.equal((await rows(notMine.token)).body().meta.total, 0)
    assert.equal((await rows(shanghai.token)).body().meta.total, 0)

    const byId = (token: string) =>
      client.get(`/api/disposal/outcomes/${outcome.id}`).bearerToken(token)
    ;(await byId(beijing.token)).assertStatus(200)
    ;(await byId(mine.token)).assertStatus(200)
    ;(await byId(shanghai.token)).assertStatus(404)
    ;(await byId(notMine.token)).assertStatus(404)
    ;(await client.get('/api/disposal/outcomes/abc').bearerToken(beijing.token)).assertStatus(404)
    const detail = (await byId(beijing.token)).body()
    assert.include(detail, { planId, sourceLink: '/p/transfer/Deals?id=7' })
    assert.deepEqual(detail.loans, [{ loanId: loan.loanId, loanNo: detail.loans[0].loanNo }])

    const definition = await client.get(LEDGER).bearerToken(beijing.token)
    assert.deepInclude(definition.body().columns.find((c: any) => c.key === 'planNo').link, {
      path: '/p/disposal/PlanQuery',
      param: 'id',
    })
    assert.includeMembers(definition.body().asOfDates, ['2026-03-15', '2026-03-16', '2026-03-17'])
    const outsider = await userWith({ permissions: ['disposal:plan:list'] })
    ;(await client.get(`${LEDGER}/rows`).bearerToken(outsider.token)).assertStatus(403)
  })
})
