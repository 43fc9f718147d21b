import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { existsSync } from 'node:fs'
import { businessDate } from '#core/business_day/business_date'
import { exportPath } from '#core/audit/export_files'
import { jobRegistry } from '#core/queue/job_registry'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { recordDisposalOutcome } from '../../../disposal/services/outcomes_api.js'
import { NAME, target, targetsBook } from './targets_support.js'

/*
| 重点系列项目 targets and 考核: a series target counts only its member customers'
| outcomes; weights are records that must sum to 100 %; the ranking scores each
| org by the rule of services/score.ts (exact rates, capped, rounded once);
| the export writes the ranking; members respect the data scope.
*/
const outcome = (customerLoan: number, cash: string, completedOn = '2026-04-01') =>
  db.transaction((trx) =>
    recordDisposalOutcome(trx, {
      loanIds: [customerLoan],
      method: 'collection',
      completedOn,
      cashRecovered: cash,
      balanceReduced: cash,
      sourcePlugin: 'targets-test',
      sourceRef: String(Math.random()),
    })
  )

async function scene() {
  await businessDate.set('2026-09-30')
  const book = await targetsBook()
  const { hq, orgs } = book
  const estate = await bookLoan({ orgId: orgs.sub1, fiveClass: 'loss', riskAsset: true })
  const other = await bookLoan({ orgId: orgs.sub2, fiveClass: 'loss', riskAsset: true })
  const far = await bookLoan({ orgId: orgs.sub3, fiveClass: 'loss', riskAsset: true })
  await outcome(estate.loanId, '300.00')
  await outcome(other.loanId, '700.00')
  await outcome(far.loanId, '250.00')
  return { ...book, estate, other, far, hqToken: hq.token, hqId: hq.id }
}

test.group('targets: 重点系列项目 and 考核', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a series target counts only its member customers inside the org', async ({
    client,
    assert,
  }) => {
    const { hqToken, orgs, estate } = await scene()
    const post = (body: object) =>
      client.post('/api/targets/head/targets').bearerToken(hqToken).json(body)
    ;(await post(target(orgs.branch1, 'recovery', '2000.00'))).assertStatus(201)
    ;(
      await post({ ...target(orgs.branch1, 'recovery', '600.00'), series: 'real_estate' })
    ).assertStatus(201)
    // Unknown series: 422 on the field; unknown body field: 422.
    const bad = await post({ ...target(orgs.branch1, 'reduction', '1.00'), series: 'nope' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'series')
    ;(await post({ ...target(orgs.branch1, 'reduction', '1.00'), colour: 'red' })).assertStatus(422)

    const member = await client
      .post('/api/targets/series/real_estate/members')
      .bearerToken(hqToken)
      .json({ customerId: estate.customerId })
    member.assertStatus(201)

    const tracking = await client.get('/api/targets/head/tracking?year=2026').bearerToken(hqToken)
    const rows = tracking.body().data.map((r: any) => [r.series, r.actual, r.rate])
    assert.sameDeepMembers(rows, [
      ['', '1000.00', '50.00'], // 300 + 700 of 2000
      ['real_estate', '300.00', '50.00'], // the member only
    ])
    // Totals count the org's general target only.
    const recovery = tracking.body().totals.find((t: any) => t.kind === 'recovery')
    assert.include(recovery, { target: '2000.00', actual: '1000.00' })
  })

  test('weights are records summing to 100 %; each indicator once; audited', async ({
    client,
    assert,
  }) => {
    const { hqToken } = await scene()
    const put = (weights: object[]) =>
      client
        .put('/api/targets/assessment/weights')
        .bearerToken(hqToken)
        .json({ year: 2026, weights })
    const off = await put([
      { kind: 'recovery', weightPct: '60.00', capPct: '120.00' },
      { kind: 'reduction', weightPct: '39.99', capPct: '100.00' },
    ])
    off.assertStatus(422)
    assert.equal(off.body().errors[0].field, 'weights')
    assert.include(off.body().errors[0].message, '99.99')
    const twice = await put([
      { kind: 'recovery', weightPct: '50.00', capPct: '100.00' },
      { kind: 'recovery', weightPct: '50.00', capPct: '100.00' },
    ])
    twice.assertStatus(422)
    ;(await put([{ kind: 'recovery', weightPct: '100.001', capPct: '100.00' }])).assertStatus(422)
    ;(await put([{ kind: 'recovery', weightPct: '100.00', capPct: '100.00', x: 1 }])).assertStatus(
      422
    )
    const ok = await put([
      { kind: 'recovery', weightPct: '60.00', capPct: '120.00' },
      { kind: 'reduction', weightPct: '30.00', capPct: '100.00' },
      { kind: 'recovery', series: 'real_estate', weightPct: '10.00', capPct: '100.00' },
    ])
    ok.assertStatus(200)
    assert.lengthOf(ok.body().weights, 3)
    const audits = await db.from('audit_logs').where('action', 'target.assessment-weights')
    assert.lengthOf(audits, 1)
    const read = await client.get('/api/targets/assessment/weights?year=2026').bearerToken(hqToken)
    assert.deepEqual(
      read.body().weights.map((w: any) => [w.kind, w.series, w.weightPct, w.capPct]),
      [
        ['recovery', '', '60.00', '120.00'],
        ['recovery', 'real_estate', '10.00', '100.00'],
        ['reduction', '', '30.00', '100.00'],
      ]
    )
  })

  test('ranking: scores by the rule, scope per level; export', async ({
    client,
    assert,
  }) => {
    const { hqToken, hqId, bj, orgs, estate } = await scene()
    const noWeights = await client
      .get('/api/targets/head/assessment?year=2026&period=Y')
      .bearerToken(hqToken)
    noWeights.assertStatus(422)
    await client
      .put('/api/targets/assessment/weights')
      .bearerToken(hqToken)
      .json({
        year: 2026,
        weights: [
          { kind: 'recovery', weightPct: '70.00', capPct: '120.00' },
          { kind: 'reduction', weightPct: '30.00', capPct: '100.00' },
        ],
      })
    await client
      .post('/api/targets/series/real_estate/members')
      .bearerToken(hqToken)
      .json({ customerId: estate.customerId })
    for (const [org, kind, amount] of [
      [orgs.branch1, 'recovery', '600.00'], // 1000 of 600 = 166.66…% → capped 120
      [orgs.branch1, 'reduction', '3000.00'], // 1000 of 3000 = 33.33…%
      [orgs.branch2, 'recovery', '750.00'], // 250 of 750 = 33.33…%
      [orgs.branch2, 'reduction', '200.00'], // 250 of 200 = 125% → capped 100
    ] as const)
      (
        await client
          .post('/api/targets/head/targets')
          .bearerToken(hqToken)
          .json(target(org, kind, amount))
      ).assertStatus(201)

    const ranking = await client
      .get('/api/targets/head/assessment?year=2026&period=Y')
      .bearerToken(hqToken)
    ranking.assertStatus(200)
    // 第一分行: 120 × 0.7 + 33.333… × 0.3 = 84 + 10 = 94.00
    // 第二分行: 33.333… × 0.7 + 100 × 0.3 = 23.333… + 30 = 53.33
    assert.deepEqual(
      ranking.body().data.map((r: any) => [r.rank, r.orgName, r.score]),
      [
        [1, NAME.branch1, '94.00'],
        [2, NAME.branch2, '53.33'],
      ]
    )
    assert.deepEqual(
      ranking.body().data[0].lines.map((l: any) => [l.rate, l.points]),
      [
        ['166.67', '84.00'],
        ['33.33', '10.00'],
      ]
    )
    // The 第一分行 manager sees only its own 总行目标's org.
    const branchView = await client
      .get('/api/targets/head/assessment?year=2026&period=Y')
      .bearerToken(bj.token)
    assert.deepEqual(
      branchView.body().data.map((r: any) => r.orgName),
      [NAME.branch1]
    )
    const bad = await client
      .get('/api/targets/head/assessment?year=2026&period=Q3')
      .bearerToken(hqToken)
    bad.assertStatus(422)

    const exported = await client
      .post('/api/targets/head/assessment/export')
      .bearerToken(hqToken)
      .json({ year: 2026, period: 'Y' })
    exported.assertStatus(202)
    const handler = await jobRegistry.handler('targets:assessment-export')
    const result: any = await handler({
      jobId: 'test',
      payload: { userId: hqId, level: 'head', year: 2026, period: 'Y' },
      progress: async () => {},
    })
    assert.equal(result.rows, 2)
    assert.isTrue(existsSync(exportPath(result.token)))
    assert.lengthOf(await db.from('audit_logs').where('action', 'target.assessment-export'), 1)

    const outsider = await userWith({ permissions: ['targets:assessment:list'] })
    ;(
      await client
        .post('/api/targets/head/assessment/export')
        .bearerToken(outsider.token)
        .json({ year: 2026, period: 'Y' })
    ).assertStatus(403)
  })

  test('series members: only customers in scope; removing one out of scope is 404; audited', async ({
    client,
    assert,
  }) => {
    const { bj, hqToken, estate, far } = await scene()
    // 第一分行's manager cannot add 第二分行's customer.
    const outside = await client
      .post('/api/targets/series/real_estate/members')
      .bearerToken(bj.token)
      .json({ customerId: far.customerId })
    outside.assertStatus(422)
    assert.equal(outside.body().errors[0].field, 'customerId')
    ;(
      await client
        .post('/api/targets/series/nope/members')
        .bearerToken(hqToken)
        .json({ customerId: estate.customerId })
    ).assertStatus(422)
    ;(
      await client
        .post('/api/targets/series/real_estate/members')
        .bearerToken(hqToken)
        .json({ customerId: far.customerId })
    ).assertStatus(201)
    ;(
      await client
        .post('/api/targets/series/real_estate/members')
        .bearerToken(hqToken)
        .json({ customerId: estate.customerId })
    ).assertStatus(201)
    const seen = await client.get('/api/targets/series/real_estate/members').bearerToken(bj.token)
    assert.deepEqual(
      seen.body().data.map((m: any) => m.customerId),
      [estate.customerId]
    )
    ;(
      await client
        .delete(`/api/targets/series/real_estate/members/${far.customerId}`)
        .bearerToken(bj.token)
    ).assertStatus(404)
    ;(
      await client
        .delete(`/api/targets/series/real_estate/members/${far.customerId}`)
        .bearerToken(hqToken)
    ).assertStatus(204)
    const actions = await db
      .from('audit_logs')
      .where('entity_type', 'target_series')
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      actions.map((a) => a.action),
      ['target.series-member.add', 'target.series-member.add', 'target.series-member.remove']
    )
  })
})
