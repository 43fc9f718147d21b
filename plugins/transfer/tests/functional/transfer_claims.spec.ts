import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { countRows, writeOffDraft } from '#tests/factories/claims'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import { API, applicant, body, doubtfulLoan } from '../helpers.js'

/*
| 债权转让申请 and the other disposals share credit-assets' asset claims: a
| loan in a 核销方案 cannot enter an application (409 naming the plan, zh and
| en, nothing written); a loan in an open application cannot enter a 核销方案
| until the application is withdrawn or rejected. The 核销方案 is a real draft
| made through write-off's own route. (Released on completion: transfer_flow.)
*/
const count = () => countRows('transfer_applications')

async function submitted(client: any, token: string, loanId: number) {
  const created = await client
    .post(`${API}/applications`)
    .bearerToken(token)
    .json(body([loanId]))
  created.assertStatus(201)
  const id = created.body().id as number
  ;(await client.post(`${API}/applications/${id}/submit`).bearerToken(token)).assertStatus(200)
  const instance = await db
    .from('wf_instances')
    .where('type_code', 'transfer:application')
    .where('business_id', String(id))
    .firstOrFail()
  return { id, appNo: created.body().appNo as string, instanceId: Number(instance.id) }
}

test.group('transfer: asset claims across disposals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a loan in a 核销方案 is refused with the plan named; nothing is kept', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const loan = await doubtfulLoan()
    const plan = await writeOffDraft(client, loan.loanId)
    plan.assertStatus(201)
    const before = await count()
    const refused = await client
      .post(`${API}/applications`)
      .bearerToken(me.token)
      .json(body([loan.loanId]))
    refused.assertStatus(409)
    assert.include(refused.body().message, `核销方案 ${plan.body().planNo}`)
    assert.include(refused.body().message, loan.loanNo)
    const english = await client
      .post(`${API}/applications`)
      .bearerToken(me.token)
      .header('accept-language', 'en')
      // Another body: the same one again would be a double submission, refused as such.
      .json(body([loan.loanId], { reasons: '借款人经营停滞，协议转让回收现金（英文界面）。' }))
    english.assertStatus(409)
    assert.include(english.body().message, `Loan ${loan.loanNo} is held by 核销方案`)
    assert.equal(await count(), before)
    assert.equal((await assetClaims.holders([loan.loanId])).get(loan.loanId)?.holder, 'write-off')
  })

  test('an open application holds its loan until withdrawn or rejected', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const withdrawnLoan = await doubtfulLoan()
    const app = await submitted(client, me.token, withdrawnLoan.loanId)
    const refused = await writeOffDraft(client, withdrawnLoan.loanId)
    refused.assertStatus(409)
    assert.include(refused.body().message, `债权转让申请 ${app.appNo}`)
    ;(
      await client
        .post(`/api/workflow/instances/${app.instanceId}/withdraw`)
        .bearerToken(await tokenFor(me.user.username))
        .json({})
    ).assertStatus(200)
    const shown = await client.get(`${API}/applications/${app.id}`).bearerToken(me.token)
    assert.equal(shown.body().status, 'withdrawn')
    ;(await writeOffDraft(client, withdrawnLoan.loanId)).assertStatus(201)

    const rejectedLoan = await doubtfulLoan()
    const second = await submitted(client, me.token, rejectedLoan.loanId)
    ;(await writeOffDraft(client, rejectedLoan.loanId)).assertStatus(409)
    ;(
      await client
        .post(`/api/workflow/instances/${second.instanceId}/reject`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '价格偏低，不同意转让' })
    ).assertStatus(200)
    assert.equal(
      (await client.get(`${API}/applications/${second.id}`).bearerToken(me.token)).body().status,
      'rejected'
    )
    ;(await writeOffDraft(client, rejectedLoan.loanId)).assertStatus(201)
  })
})
