import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { API, ALL_CODES, approvedProject, headOffice, newRegion, poolLoans } from '../helpers.js'

/*
| 组建资产池 from 综合查询: a saved query narrows the filter (only its loans are
| pooled), ad-hoc conditions of the same shape too; an as-of query or someone
| else's private query is refused. The pool totals count 诉讼状态 through
| litigation's public service (the stage of the loan's latest case, or none).
*/
const spec = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  dataset: 'credit-assets:risk-assets',
  fields: ['loanNo'],
  where: { logic: 'and', items },
  ...extra,
})

test.group('batch-disposal: pool from 综合查询, 诉讼状态 totals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('saved and ad-hoc queries narrow the pool; totals by litigation stage', async ({
    client,
    assert,
  }) => {
    const me = await userWith({
      permissions: [
        ...ALL_CODES,
        'system:query:run',
        'credit-assets:risk-asset:list',
        'litigation:case:create',
        'litigation:case:list',
      ],
      dataScope: 'org_and_below',
      orgCode: '000000',
    })
    const region = newRegion()
    const [sued, plain, third] = await poolLoans(region, 3)
    const saved = await client
      .post('/api/query/saved')
      .bearerToken(me.token)
      .json({
        name: '两笔可疑贷款',
        visibility: 'private',
        query: spec([{ field: 'loanNo', op: 'in', values: [sued.loanNo, plain.loanNo] }]),
      })
    saved.assertStatus(201)
    const lawsuit = await client
      .post('/api/litigation/cases')
      .bearerToken(me.token)
      .json({
        caseNo: `（2026）京0105民初${9000 + (process.pid % 900)}号`,
        court: '北京市朝阳区人民法院',
        cause: '金融借款合同纠纷',
        procedure: 'ordinary',
        stage: 'filing',
        filedOn: '2026-03-02',
        customerId: sued.customerId,
        loanIds: [sued.loanId],
        claimPrincipal: '100000.00',
        claimInterest: '0.00',
        claimOther: '0.00',
        acceptanceFee: '2300.00',
        parties: [
          { role: 'plaintiff', kind: 'bank' },
          { role: 'defendant', kind: 'borrower', address: '北京市朝阳区建国路1号' },
        ],
      })
    assert.equal(lawsuit.status(), 201, lawsuit.text())

    const id = await approvedProject(client, me.token)
    const bySaved = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: [region], savedQueryId: saved.body().id })
    bySaved.assertStatus(200)
    assert.equal(bySaved.body().matched, 2)
    assert.equal(bySaved.body().added, 2)
    assert.equal(bySaved.body().query, '两笔可疑贷款')

    const summary = await client.get(`${API}/projects/${id}/summary`).bearerToken(me.token)
    assert.deepEqual(
      summary.body().byLitigation.map((b: any) => [b.key, b.loans, b.principal]),
      [
        ['filing', 1, '100000.00'],
        ['none', 1, '100000.00'],
      ]
    )

    const asOf = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ query: spec([], { asOf: '2026-06-30' }) })
    asOf.assertStatus(422)
    const both = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ savedQueryId: saved.body().id, query: spec([]) })
    both.assertStatus(422)
    const adHoc = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(await tokenFor(me.user.username))
      .json({ query: spec([{ field: 'loanNo', op: 'eq', value: third.loanNo }]) })
    adHoc.assertStatus(200)
    assert.equal(adHoc.body().added, 1)

    // Another user's private query is not theirs to use: 404, nothing added.
    const other = await headOffice()
    const foreign = await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(other.token)
      .json({ regions: [region], savedQueryId: saved.body().id })
    foreign.assertStatus(404)
  }).timeout(120_000)
})
