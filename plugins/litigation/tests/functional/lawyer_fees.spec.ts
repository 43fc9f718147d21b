import { test } from '@japa/runner'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { caseNo } from '../case_helpers.js'
import { listFor } from '../../../expenses/services/expenses_api.js'
import { LIT_API, troubledCustomer, withSimulator } from '../plan_helpers.js'
import { engagementBody, registry } from '../lawyer_helpers.js'
import { addConfirmedRecovery } from '../../../recoveries/fixtures/recoveries_fixture.js'

/*
| 律师选聘 for a registered case, and the risk-based 律师费 on what was actually
| recovered: the recoveries plugin's confirmed recoveries on the case's loans since
| filing, or a figure entered with a reason; payments never beyond the fee due, each
| keeping its basis; the fees land in 费用管理 on the case's loans and in 诉讼台账.
*/
async function caseClerk() {
  return userWith({
    permissions: [
      'litigation:case:list',
      'litigation:case:create',
      'litigation:engagement:list',
      'litigation:engagement:create',
      'litigation:engagement:pay',
      'litigation:ledger:list',
      'credit-assets:loan:list',
    ],
    dataScope: 'org_and_below',
    orgCode: '110101',
  })
}

async function registerCase(client: any, token: string, customerId: number, loanIds: number[]) {
  const lawCase = await client
    .post(`${LIT_API}/cases`)
    .bearerToken(token)
    .json({
      caseNo: caseNo(),
      court: '北京市朝阳区人民法院',
      cause: '金融借款合同纠纷',
      procedure: 'ordinary',
      stage: 'filing',
      filedOn: '2026-03-02',
      customerId,
      loanIds,
      claimPrincipal: '300000.00',
      claimInterest: '0.00',
      claimOther: '0.00',
      parties: [
        { role: 'plaintiff', kind: 'bank' },
        { role: 'defendant', kind: 'borrower' },
      ],
    })
  lawCase.assertStatus(201)
  return lawCase.body()
}

/** A recovery confirmed on 交易流水确认 (the recoveries plugin's fixture builder). */
const confirmedRecovery = (loanId: number, postedOn: string, amountFen: number, txnNo: string) =>
  addConfirmedRecovery({ loanId, postedOn, amountFen, txnNo })

test.group('litigation: 律师选聘 for a case', (group) => {
  withSimulator(group)

  test('an engagement for a registered case takes the number and customer of the case', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { firm, lawyer } = await registry(client)
    const { customer, loanIds } = await troubledCustomer(30_000_000n)
    const clerk = await caseClerk()
    const lawCase = await registerCase(client, clerk.token, customer.id, loanIds.slice(0, 1))
    const body: Record<string, unknown> = engagementBody(0, firm.id, lawyer.id, {
      feeType: 'risk',
      riskRate: '0.08',
      expectedRecovery: '300000.00',
    })
    delete body.planId
    const created = await client
      .post(`${LIT_API}/engagements`)
      .bearerToken(clerk.token)
      .json({ ...body, caseId: lawCase.id })
    created.assertStatus(201)
    assert.equal(created.body().subjectNo, lawCase.caseNo)
    assert.equal(created.body().customerId, Number(customer.id))
    assert.equal(created.body().estimatedFee, '24000.00')
    // Both a plan and a case: one only.
    const both = await client
      .post(`${LIT_API}/engagements`)
      .bearerToken(await tokenFor(clerk.user.username))
      .json({ ...body, planId: 1, caseId: lawCase.id })
    both.assertStatus(422)
  }).timeout(60_000)

  test('risk-based fee on the actual recovery: confirmed recoveries or entered with a reason', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { firm, lawyer } = await registry(client)
    const { customer, loanIds } = await troubledCustomer(30_000_000n)
    const clerk = await caseClerk()
    const loanId = loanIds[0]
    const lawCase = await registerCase(client, clerk.token, customer.id, [loanId])
    const body: Record<string, unknown> = engagementBody(0, firm.id, lawyer.id, {
      feeType: 'risk',
      riskRate: '0.08',
      expectedRecovery: '300000.00',
      caseId: lawCase.id,
    })
    delete body.planId
    delete body.feeCap
    const engagement = (
      await client.post(`${LIT_API}/engagements`).bearerToken(clerk.token).json(body)
    ).body()
    const { instanceId } = (
      await client.post(`${LIT_API}/engagements/${engagement.id}/submit`).bearerToken(clerk.token)
    ).body()
    ;(
      await client
        .post(`/api/workflow/instances/${instanceId}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意' })
    ).assertStatus(200)

    // Recovered since the filing (2026-03-02): 200,000.00 + 50,000.50; one before it does not count.
    await confirmedRecovery(loanId, '2026-02-01', 9_999_900, 'TXLIT0001')
    await confirmedRecovery(loanId, '2026-05-10', 20_000_000, 'TXLIT0002')
    await confirmedRecovery(loanId, '2026-06-15', 5_000_050, 'TXLIT0003')
    const token = await tokenFor(clerk.user.username)
    const due = (json: Record<string, unknown> = {}) =>
      client.post(`${LIT_API}/engagements/${engagement.id}/fee-due`).bearerToken(token).json(json)
    const fromBook = await due()
    fromBook.assertStatus(200)
    assert.include(fromBook.body(), {
      recovered: '250000.50',
      source: 'recoveries',
      feeDue: '20000.04', // 8 % × 250,000.50 = 20,000.04, half-up once
      ceiling: '45000.09', // 18 % × 250,000.50 = 45,000.09
      paid: '0.00',
      outstanding: '20000.04',
    })
    assert.include(fromBook.body().confirmed, { amount: '250000.50', count: 2, from: '2026-03-02' })

    // Entered: needs a reason (422), then it is the base.
    const noReason = await due({ actualRecovery: '300000.00' })
    noReason.assertStatus(422)
    assert.equal(noReason.body().errors[0].field, 'actualRecoveryReason')
    const negative = await due({ actualRecovery: '-1.00', actualRecoveryReason: 'x' })
    negative.assertStatus(422)
    assert.equal(negative.body().errors[0].field, 'actualRecovery')
    const entered = await due({
      actualRecovery: '300000.00',
      actualRecoveryReason: '以物抵债资产作价 49,999.50 元',
    })
    assert.include(entered.body(), {
      recovered: '300000.00',
      source: 'entered',
      feeDue: '24000.00',
    })

    const pay = (json: Record<string, unknown>) =>
      client.post(`${LIT_API}/engagements/${engagement.id}/payments`).bearerToken(token).json(json)
    ;(await pay({ amount: '20000.04', paidOn: '2026-07-01' })).assertStatus(201)
    const over = await pay({ amount: '0.01', paidOn: '2026-07-02' })
    over.assertStatus(422)
    assert.equal(over.body().errors[0].field, 'amount')
    const second = await pay({
      amount: '3999.96',
      paidOn: '2026-07-02',
      actualRecovery: '300000.00',
      actualRecoveryReason: '以物抵债资产作价 49,999.50 元',
    })
    second.assertStatus(201)
    const payments = second.body().engagement.payments
    assert.deepInclude(payments[0], {
      recovered: '250000.50',
      recoveredSource: 'recoveries',
      feeDue: '20000.04',
    })
    assert.deepInclude(payments[1], {
      recovered: '300000.00',
      recoveredSource: 'entered',
      recoveredReason: '以物抵债资产作价 49,999.50 元',
      feeDue: '24000.00',
    })
    assert.equal(second.body().engagement.paid, '24000.00')

    // In 费用管理 on the case's loan; in 诉讼台账 as the case's fees.
    const expenses = await listFor({ plugin: 'litigation', kind: 'engagement', id: engagement.id })
    assert.lengthOf(expenses, 2)
    assert.deepEqual(
      expenses[0].loans.map((l) => l.loanId),
      [loanId]
    )
    const ledger = await client
      .get('/api/ledgers/litigation-cases/rows')
      .qs({ keyword: lawCase.caseNo })
      .bearerToken(token)
    assert.equal(ledger.body().data[0].fees, '24000.00')

    // Another branch: 404.
    const shanghai = await userWith({
      permissions: ['litigation:engagement:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    ;(
      await client
        .post(`${LIT_API}/engagements/${engagement.id}/fee-due`)
        .bearerToken(shanghai.token)
        .json({})
    ).assertStatus(404)
  }).timeout(60_000)
})
