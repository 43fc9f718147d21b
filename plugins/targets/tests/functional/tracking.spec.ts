import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { addClassificationChange, bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  recordDisposalOutcome,
  reverseDisposalOutcome,
} from '../../../disposal/services/outcomes_api.js'
import { NAME, recoveriesToOutcomes, repay, target, targetsBook } from './targets_support.js'

/*
| 目标跟踪: what counts as done, the ranking, and the two home-page widgets' scoping.
| Loans and repayments come from credit-assets' published fixture builders.
*/
test.group('targets: tracking and widgets', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('done = recoveries on risk assets in the period, after entry; ranked by 完成率', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-09-30')
    const { hq, orgs } = await targetsBook()
    const cy = await bookLoan({ orgId: orgs.sub1, fiveClass: 'doubtful', riskAsset: true }) // entered 2026-01-01
    // 乙支行's loan was handed over in June (but downgraded to 可疑 in March, below).
    const hd = await bookLoan({
      orgId: orgs.sub2,
      fiveClass: 'loss',
      riskAsset: true,
      enteredOn: '2026-06-01',
    })
    const normal = await bookLoan({ orgId: orgs.sub1 }) // not a risk asset
    const pd = await bookLoan({ orgId: orgs.sub3, fiveClass: 'loss', riskAsset: true })
    await repay(cy.loanId, '2026-02-10', '30000000', '100000') // 300,000 + 1,000 interest
    await repay(cy.loanId, '2025-12-20', '99900000') // before entry: not a recovery
    await repay(cy.loanId, '2026-08-01', '5000000') // H2
    await repay(hd.loanId, '2026-05-05', '10000000')
    await repay(normal.loanId, '2026-03-01', '77700000') // ordinary loan: not counted
    await repay(pd.loanId, '2026-04-01', '20000000')
    // 乙支行's loan was handed over in June but downgraded to 可疑 in March: its May payment is a recovery.
    await addClassificationChange(hd.loanId, {
      from: 'normal',
      to: 'doubtful',
      changedOn: '2026-03-01',
    })
    // A loan handed over in June for overdue days only: its May payment is not.
    const late = await bookLoan({
      orgId: orgs.sub1,
      fiveClass: 'special_mention',
      riskAsset: true,
      enteredOn: '2026-06-01',
    })
    await addClassificationChange(late.loanId, {
      from: 'normal',
      to: 'special_mention',
      changedOn: '2026-02-01',
    })
    await repay(late.loanId, '2026-05-05', '12345600')

    for (const [org, kind, amount] of [
      [orgs.branch1, 'recovery', '500000.00'],
      [orgs.branch1, 'reduction', '400000.00'],
      [orgs.branch2, 'recovery', '400000.00'],
    ] as const)
      (
        await client
          .post('/api/targets/head/targets')
          .bearerToken(hq.token)
          .json(target(org, kind, amount))
      ).assertStatus(201)

    await recoveriesToOutcomes()
    const tracking = await client.get('/api/targets/head/tracking?year=2026').bearerToken(hq.token)
    tracking.assertStatus(200)
    const rows = Object.fromEntries(
      tracking.body().data.map((r: any) => [`${r.orgName}:${r.kind}`, r])
    )
    // 第一分行 recovery: 300,000 + 1,000 + 50,000 + 100,000 = 451,000.00 of 500,000 → 90.20%
    assert.include(rows[`${NAME.branch1}:recovery`], { actual: '451000.00', rate: '90.20' })
    // 第一分行 reduction: principal only, 450,000.00 of 400,000 → 112.50%
    assert.include(rows[`${NAME.branch1}:reduction`], {
      actual: '450000.00',
      rate: '112.50',
      rank: 1,
    })
    // 第二分行 recovery 200,000 of 400,000 → 50.00%; ranks are per period and kind.
    assert.include(rows[`${NAME.branch2}:recovery`], { actual: '200000.00', rate: '50.00' })
    assert.equal(rows[`${NAME.branch1}:recovery`].rank, 1)
    assert.equal(rows[`${NAME.branch2}:recovery`].rank, 2)

    const h1 = await client
      .post('/api/targets/head/targets')
      .bearerToken(hq.token)
      .json(target(orgs.branch1, 'recovery', '1000.00', 'H1'))
    h1.assertStatus(201)
    const firstHalf = await client
      .get('/api/targets/head/tracking?year=2026&period=H1')
      .bearerToken(hq.token)
    assert.equal(firstHalf.body().data[0].actual, '401000.00') // the August repayment is H2
  })

  test('widgets: the head office sees branches, a branch sees itself and ranks its sub-branches', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-09-30')
    const { hq, bj, orgs } = await targetsBook()
    const cy = await bookLoan({ orgId: orgs.sub1, fiveClass: 'doubtful', riskAsset: true })
    const hd = await bookLoan({ orgId: orgs.sub2, fiveClass: 'loss', riskAsset: true })
    const pd = await bookLoan({ orgId: orgs.sub3, fiveClass: 'loss', riskAsset: true })
    await repay(cy.loanId, '2026-02-10', '30000000')
    await repay(hd.loanId, '2026-05-05', '10000000')
    await repay(pd.loanId, '2026-04-01', '20000000')
    const post = async (token: string, level: string, org: number, amount: string) =>
      (
        await client
          .post(`/api/targets/${level}/targets`)
          .bearerToken(token)
          .json(target(org, 'recovery', amount))
      ).assertStatus(201)
    await post(hq.token, 'head', orgs.branch1, '800000.00')
    await post(hq.token, 'head', orgs.branch2, '400000.00')
    await post(bj.token, 'branch', orgs.sub1, '600000.00')
    await post(bj.token, 'branch', orgs.sub2, '200000.00')

    await recoveriesToOutcomes()
    const plan = (token: string) =>
      client.get('/api/dashboard/widgets/targets:plan-completion/data').bearerToken(token)
    const headPlan = (await plan(hq.token)).body()
    const recovery = headPlan.kinds.find((k: any) => k.kind === 'recovery')
    // Branches only: 800,000 + 400,000; sub-branch targets are inside them, not added.
    assert.include(recovery, { orgs: 2, target: '1200000.00', actual: '600000.00', rate: '50.00' })
    const branchPlan = (await plan(bj.token)).body()
    assert.include(
      branchPlan.kinds.find((k: any) => k.kind === 'recovery'),
      { orgs: 1, target: '800000.00', actual: '400000.00', rate: '50.00' }
    )

    const ranking = (token: string) =>
      client.get('/api/dashboard/widgets/targets:org-ranking/data').bearerToken(token)
    assert.deepEqual(
      (await ranking(hq.token)).body().rows.map((r: any) => [r.orgName, r.actual]),
      [
        [NAME.branch1, '400000.00'],
        [NAME.branch2, '200000.00'],
      ]
    )
    assert.deepEqual(
      (await ranking(bj.token)).body().rows.map((r: any) => [r.rank, r.orgName, r.actual, r.rate]),
      [
        [1, NAME.sub1, '300000.00', '50.00'],
        [2, NAME.sub2, '100000.00', '50.00'],
      ]
    )

    const outsider = await userWith({ permissions: ['targets:head-target:list'] })
    ;(await plan(outsider.token)).assertStatus(403)
    const demo = await tokenFor('bj_asset')
    ;(await ranking(demo)).assertStatus(200)
  })

  test('done follows disposal outcomes of every method: 清收 = cash, 压降 = every balance reduction', async ({
    client,
    assert,
  }) => {
    await businessDate.set('2026-09-30')
    const { hq, orgs } = await targetsBook()
    const cy = await bookLoan({ orgId: orgs.sub1, fiveClass: 'loss', riskAsset: true })
    const hd = await bookLoan({ orgId: orgs.sub2, fiveClass: 'loss', riskAsset: true })
    const outcome = (input: Record<string, unknown>) =>
      db.transaction((trx) =>
        recordDisposalOutcome(trx, {
          completedOn: '2026-04-01',
          sourcePlugin: 'targets-test',
          sourceRef: String(Math.random()),
          ...(input as any),
        })
      )
    // 清收 of 1,000.50 of which 800.25 principal; a 5,000.00 write-off; a transfer for
    // 3,000.00 with a 2,000.00 loss (and 100.00 fees, not a reduction); one from 2025.
    await outcome({
      loanIds: [cy.loanId],
      method: 'collection',
      cashRecovered: '1000.50',
      balanceReduced: '800.25',
    })
    const writeOff = await outcome({
      loanIds: [hd.loanId],
      method: 'write_off',
      writtenOff: '5000.00',
    })
    await outcome({
      loanIds: [cy.loanId],
      method: 'transfer',
      cashRecovered: '3000.00',
      loss: '2000.00',
      fees: '100.00',
    })
    await outcome({
      loanIds: [cy.loanId],
      method: 'collection',
      cashRecovered: '777.00',
      completedOn: '2025-12-31',
    })
    for (const [kind, amount] of [
      ['recovery', '8000.00'],
      ['reduction', '20000.00'],
    ] as const)
      (
        await client
          .post('/api/targets/head/targets')
          .bearerToken(hq.token)
          .json(target(orgs.branch1, kind, amount))
      ).assertStatus(201)

    const figures = async () => {
      const tracking = await client
        .get('/api/targets/head/tracking?year=2026')
        .bearerToken(hq.token)
      const widget = await client
        .get('/api/dashboard/widgets/targets:plan-completion/data')
        .bearerToken(hq.token)
      const ranking = await client
        .get('/api/dashboard/widgets/targets:org-ranking/data')
        .bearerToken(hq.token)
      return {
        tracking: Object.fromEntries(
          tracking.body().data.map((r: any) => [r.kind, [r.actual, r.rate]])
        ),
        widget: Object.fromEntries(
          widget.body().kinds.map((k: any) => [k.kind, [k.actual, k.rate]])
        ),
        ranking: ranking.body().rows.map((r: any) => [r.orgName, r.actual]),
      }
    }
    // 清收 1,000.50 + 3,000.00 = 4,000.50 of 8,000 → 50.01%;
    // 压降 800.25 + 5,000.00 + 5,000.00 = 10,800.25 of 20,000 → 54.00%.
    assert.deepEqual(await figures(), {
      tracking: { recovery: ['4000.50', '50.01'], reduction: ['10800.25', '54.00'] },
      widget: { recovery: ['4000.50', '50.01'], reduction: ['10800.25', '54.00'] },
      ranking: [[NAME.branch1, '4000.50']],
    })

    // The write-off is reversed: 压降 loses it, 清收 is unchanged.
    await db.transaction((trx) =>
      reverseDisposalOutcome(trx, {
        outcomeId: writeOff.outcome.id,
        sourcePlugin: 'targets-test',
        sourceRef: 'reversal',
        remark: '核销撤销',
      })
    )
    const after = await figures()
    assert.deepEqual(after.tracking.reduction, ['5800.25', '29.00'])
    assert.deepEqual(after.widget.reduction, ['5800.25', '29.00'])
    assert.deepEqual(after.tracking.recovery, ['4000.50', '50.01'])
  })
})
