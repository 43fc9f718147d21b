import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { countRows, writeOffDraft } from '#tests/factories/claims'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'

/*
| 重组方案 and the other disposals share credit-assets' asset claims: a loan in
| a 核销方案 cannot enter a plan (409 naming the plan, zh and en, nothing
| written); a loan in an open plan cannot enter a 核销方案 until the plan is
| withdrawn or rejected. The 核销方案 is a real draft made through write-off's
| own route. (Released at 观察期满 and 重组失败: restructuring_flow.)
*/
const API = '/api/restructuring'
const applicant = () =>
  userWith({
    permissions: ['restructuring:plan:list', 'restructuring:plan:create'],
    dataScope: 'org_and_below',
    orgCode: '110101',
  })
const loan = () =>
  bookLoan({
    orgCode: '110101',
    fiveClass: 'substandard',
    overdueDays: 100,
    riskAsset: true,
    balanceFen: '50000000',
  })

const planBody = async (loanId: number, reasons = '借款人经营周转困难，展期缓解现金流压力。') => ({
  loanIds: [loanId],
  method: 'extension',
  effectiveOn: await businessDate.current(),
  newMaturityDate: '2029-12-31',
  newRate: '0.0435',
  terms: '展期三年，按季付息',
  reasons,
})

const count = () => countRows('restructuring_plans')

async function submitted(client: any, token: string, loanId: number) {
  const created = await client
    .post(`${API}/plans`)
    .bearerToken(token)
    .json(await planBody(loanId))
  created.assertStatus(201)
  const id = created.body().id as number
  ;(await client.post(`${API}/plans/${id}/submit`).bearerToken(token)).assertStatus(200)
  const instance = await db
    .from('wf_instances')
    .where('type_code', 'restructuring:plan')
    .where('business_id', String(id))
    .firstOrFail()
  return { id, planNo: created.body().planNo as string, instanceId: Number(instance.id) }
}

test.group('restructuring: asset claims across disposals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a loan in a 核销方案 is refused with the plan named; nothing is kept', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const l = await loan()
    const plan = await writeOffDraft(client, l.loanId)
    plan.assertStatus(201)
    const before = await count()
    const refused = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json(await planBody(l.loanId))
    refused.assertStatus(409)
    assert.include(refused.body().message, `核销方案 ${plan.body().planNo}`)
    assert.include(refused.body().message, l.loanNo)
    const english = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .header('accept-language', 'en')
      .json(await planBody(l.loanId, '借款人经营周转困难，展期（英文界面）。'))
    english.assertStatus(409)
    assert.include(english.body().message, `Loan ${l.loanNo} is held by 核销方案`)
    assert.equal(await count(), before)
    assert.equal((await assetClaims.holders([l.loanId])).get(l.loanId)?.holder, 'write-off')
  })

  test('an open plan holds its loan until withdrawn or rejected', async ({ client, assert }) => {
    const me = await applicant()
    const first = await loan()
    const plan = await submitted(client, me.token, first.loanId)
    const refused = await writeOffDraft(client, first.loanId)
    refused.assertStatus(409)
    assert.include(refused.body().message, `重组方案 ${plan.planNo}`)
    ;(
      await client
        .post(`/api/workflow/instances/${plan.instanceId}/withdraw`)
        .bearerToken(await tokenFor(me.user.username))
        .json({})
    ).assertStatus(200)
    assert.equal(
      (await client.get(`${API}/plans/${plan.id}`).bearerToken(me.token)).body().status,
      'withdrawn'
    )
    ;(await writeOffDraft(client, first.loanId)).assertStatus(201)

    const second = await loan()
    const other = await submitted(client, me.token, second.loanId)
    ;(await writeOffDraft(client, second.loanId)).assertStatus(409)
    ;(
      await client
        .post(`/api/workflow/instances/${other.instanceId}/reject`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '还款来源不足，不同意展期' })
    ).assertStatus(200)
    assert.equal(
      (await client.get(`${API}/plans/${other.id}`).bearerToken(me.token)).body().status,
      'rejected'
    )
    ;(await writeOffDraft(client, second.loanId)).assertStatus(201)
  })
})
