import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { buildBook } from '#tests/fixtures/book'
import { userWith } from '#tests/helpers/auth'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { committeeDecided } from '../../plan/plan_service.js'
import { registerReliefKinds } from '../../startup.js'
import { reliefBankSystems } from '../../plan/prefill.js'
import { API, BUSINESS_DATE, modestRelief, planBody, trialBuckets, zeroRelief } from '../helpers.js'

/*
| The business rules checked at submission, each failing once and naming its
| rule; the committee route above the interest percentage (and its decision);
| the data scope on every list and by-id route (404); 422 on bad input.
*/
async function setup(permissions?: string[]) {
  // The web process registers the kind at startup; a test process may not run startups.
  registerReliefKinds()
  await businessDate.set(BUSINESS_DATE)
  const book = await buildBook({
    roles: { branchManager: ['branch_asset_manager'], headOfficeRisk: ['hq_risk_manager'] },
    ...(permissions ? { permissions } : {}),
  })
  const { loans } = book.data['credit-assets'] as unknown as CreditBook
  return { book, loans }
}

const WITHOUT_PRINCIPAL = [
  'relief:plan:list',
  'relief:plan:create',
  'relief:plan:account',
  'relief:plan:track',
  'disposal:interest:trial',
]

test.group('relief: rules at submission', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('次级或更差: a normal loan is refused naming the rule', async ({ client, assert }) => {
    const { book, loans } = await setup()
    const maker = book.people.accountManagerA
    const owed = await trialBuckets(client, maker.token, loans.normal.loanId)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loans.normal.customerId, loans.normal.loanId, modestRelief(owed)))
    created.assertStatus(201)
    const refused = await client
      .post(`${API}/plans/${created.body().id}/submit`)
      .bearerToken(maker.token)
    refused.assertStatus(422)
    assert.equal(refused.body().rule, 'min_five_class')
    assert.include(refused.body().message, '次级')
    assert.equal(refused.body().failures[0].ruleName, '贷款须为次级及以下方可减免')
    assert.equal(
      (await client.get(`${API}/plans/${created.body().id}`).bearerToken(maker.token)).body()
        .status,
      'draft'
    )
  })

  test('本金减免: refused without the permission, the head-office chain with it', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await setup()
    const loan = loans.substandard
    // Two clerks of the loan's sub-branch: one without the 本金减免 permission, one with it.
    const org = await db.from('orgs').where('id', loan.orgId).firstOrFail()
    const without = await userWith({
      permissions: WITHOUT_PRINCIPAL,
      dataScope: 'org',
      orgCode: org.code,
    })
    const withIt = await userWith({
      permissions: [...WITHOUT_PRINCIPAL, 'relief:plan:principal'],
      dataScope: 'org',
      orgCode: org.code,
    })
    const owed = await trialBuckets(client, book.people.accountManagerB.token, loan.loanId)
    const body = planBody(loan.customerId, loan.loanId, {
      ...modestRelief(owed),
      principal: '1000.00',
    })
    const created = await client.post(`${API}/plans`).bearerToken(without.token).json(body)
    created.assertStatus(201)
    assert.equal(created.body().reliefPrincipal, '1000.00')
    const refused = await client
      .post(`${API}/plans/${created.body().id}/submit`)
      .bearerToken(without.token)
    refused.assertStatus(422)
    assert.equal(refused.body().rule, 'principal_head_office')
    // The refused draft still holds the loan (asset claims) until the clerk drops it (终止).
    ;(
      await client
        .post(`${API}/plans/${created.body().id}/status`)
        .bearerToken(without.token)
        .json({ status: 'terminated', reason: '无本金减免权限，改由有权人员申报' })
    ).assertStatus(200)

    // With the permission the plan takes relief:plan-principal, which ends at the head office.
    const other = await client.post(`${API}/plans`).bearerToken(withIt.token).json(body)
    other.assertStatus(201)
    const submitted = await client
      .post(`${API}/plans/${other.body().id}/submit`)
      .bearerToken(withIt.token)
    assert.equal(submitted.status(), 200, JSON.stringify(submitted.body()))
    const instance = await db
      .from('wf_instances')
      .where('id', submitted.body().route.workflowInstanceId)
      .first()
    assert.equal(instance.type_code, 'relief:plan-principal')
    assert.include(instance.chain_json, '总行风险管理部审批')
  })

  test('保证人减免: releasing the borrower must be stated', async ({ client, assert }) => {
    const { book, loans } = await setup()
    const maker = book.people.accountManagerB
    const loan = loans.substandard
    const options = await client
      .get(`${API}/loan-options`)
      .qs({ customerId: loan.customerId })
      .bearerToken(maker.token)
    const guarantor = options.body().guarantors[0]
    assert.equal(guarantor.name, '保证人甲')
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(
        planBody(loan.customerId, loan.loanId, modestRelief(owed), {
          debtorRole: 'guarantor',
          guaranteeId: guarantor.guaranteeId,
          releasesBorrower: true,
          conditions: '保证人按期还款',
        })
      )
    created.assertStatus(201)
    assert.equal(created.body().guarantorName, '保证人甲')
    const refused = await client
      .post(`${API}/plans/${created.body().id}/submit`)
      .bearerToken(maker.token)
    refused.assertStatus(422)
    assert.equal(refused.body().rule, 'guarantor_release')
  })

  test('利息减免比例: above it the plan goes to the committee and continues from its decision', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await setup()
    const maker = book.people.accountManagerB
    const loan = loans.substandard
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const all = { ...zeroRelief(), compound: owed.compound, onInterest: owed.onInterest }
    const make = async (conditions: string) => {
      const created = await client
        .post(`${API}/plans`)
        .bearerToken(maker.token)
        .json(planBody(loan.customerId, loan.loanId, all, { conditions }))
      created.assertStatus(201)
      const submitted = await client
        .post(`${API}/plans/${created.body().id}/submit`)
        .bearerToken(maker.token)
      submitted.assertStatus(200)
      assert.equal(submitted.body().status, 'committee')
      assert.equal(submitted.body().route.rule, 'interest_percent')
      return created.body().id as number
    }
    // Rejected first: a rejected plan frees the loan for the next plan (asset claims).
    const rejected = await make('一次性还款后减免生效')
    await db.transaction((trx) =>
      committeeDecided(
        trx,
        rejected,
        'rejected',
        '总资委决〔2026〕8号',
        book.people.headOfficeRisk.id
      )
    )
    assert.equal(
      (await client.get(`${API}/plans/${rejected}`).bearerToken(maker.token)).body().status,
      'rejected'
    )

    const passed = await make('按期还款后减免生效')
    const item = await db.from('committee_items').where('record_id', String(passed)).first()
    assert.isNotNull(item)
    await db.transaction((trx) =>
      committeeDecided(trx, passed, 'passed', '总资委决〔2026〕7号', book.people.headOfficeRisk.id)
    )
    const shown = (await client.get(`${API}/plans/${passed}`).bearerToken(maker.token)).body()
    assert.equal(shown.status, 'pending')
    assert.equal(shown.committeeResolution, '总资委决〔2026〕7号')
    assert.isNotNull(
      await db
        .from('wf_instances')
        .where('business_id', String(passed))
        .where('type_code', 'relief:plan')
        .first()
    )
  })

  test('422 on bad input, with the field', async ({ client, assert }) => {
    const { book, loans } = await setup()
    const maker = book.people.accountManagerB
    const loan = loans.substandard
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const bad = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .header('accept-language', 'zh-CN')
      .json({
        ...planBody(loan.customerId, loan.loanId, modestRelief(owed)),
        payAmount: '1.234',
        planDate: '2026-02-30',
      })
    bad.assertStatus(422)
    assert.includeMembers(
      bad.body().errors.map((e: any) => e.field),
      ['payAmount', 'planDate']
    )
    const over = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, { ...zeroRelief(), compound: '99999999.00' }))
    over.assertStatus(422)
    assert.equal(over.body().errors[0].field, 'loans.0.relief.compound')
    const schedule = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, modestRelief(owed), { payAmount: '600000.01' }))
    schedule.assertStatus(422)
    assert.equal(schedule.body().errors[0].field, 'instalments')
    // Someone else's loan (out of scope) is refused like a missing one.
    const outside = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loans.loss.customerId, loans.loss.loanId, modestRelief(owed)))
    outside.assertStatus(422)
  })

  test('scope: another clerk sees none of it — list and every by-id route 404', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await setup()
    const maker = book.people.accountManagerB
    const stranger = book.people.accountManagerA
    const loan = loans.substandard
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, modestRelief(owed)))
    const id = created.body().id
    assert.equal(
      (await client.get(`${API}/plans`).bearerToken(stranger.token)).body().meta.total,
      0
    )
    assert.equal((await client.get(`${API}/plans`).bearerToken(maker.token)).body().meta.total, 1)
    for (const request of [
      client.get(`${API}/plans/${id}`),
      client.get(`${API}/plans/${id}/pdf`),
      client.post(`${API}/plans/${id}/submit`),
      client
        .put(`${API}/plans/${id}`)
        .json(planBody(loan.customerId, loan.loanId, modestRelief(owed))),
      client.post(`${API}/plans/${id}/payments`).json({ amount: '1.00', paidOn: BUSINESS_DATE }),
      client.post(`${API}/plans/${id}/status`).json({ status: 'terminated', reason: '协商终止' }),
      client.post(`${API}/plans/${id}/postings/1/reverse`).json({ reason: '误登记' }),
      client.post(`${API}/plans/${id}/postings/1/retry`),
      client.get(`${API}/plans/${id}/postings/1/notice`),
    ])
      (await request.bearerToken(stranger.token)).assertStatus(404)
    // Buckets of a loan out of scope: 404.
    ;(
      await client
        .post(`${API}/buckets`)
        .bearerToken(stranger.token)
        .json({ loanIds: [loan.loanId], source: 'trial', date: BUSINESS_DATE })
    ).assertStatus(404)
    ;(await client.get(`${API}/plans`)).assertStatus(401)
  })

  test('buckets from core banking as of the plan date; unavailable core banking is a 503', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await setup()
    const maker = book.people.accountManagerB
    const loan = loans.substandard
    const real = await reliefBankSystems.get()
    const balance = {
      loanNo: loan.loanNo,
      principal: '800000.00',
      normalInterest: '1200.50',
      overdueInterest: '3000.25',
      penaltyInterest: '450.10',
      compoundInterest: '33.33',
      asOf: BUSINESS_DATE,
    }
    reliefBankSystems.use({
      ...real,
      coreBanking: { ...real.coreBanking, loanBalance: async () => balance },
    })
    try {
      const response = await client
        .post(`${API}/buckets`)
        .bearerToken(maker.token)
        .json({ loanIds: [loan.loanId], source: 'core', date: BUSINESS_DATE })
      response.assertStatus(200)
      // The book holds no 表外利息 for this loan: all interest (normal + overdue) is on balance.
      assert.deepEqual(response.body().data[0].owed, {
        penalty: '450.10',
        compound: '33.33',
        onInterest: '4200.75',
        offInterest: '0.00',
        principal: '800000.00',
      })
      reliefBankSystems.use({
        ...real,
        coreBanking: {
          ...real.coreBanking,
          loanBalance: async () => {
            throw new Error('down')
          },
        },
      })
      const down = await client
        .post(`${API}/buckets`)
        .bearerToken(maker.token)
        .json({ loanIds: [loan.loanId], source: 'core', date: '2026-06-30' })
      down.assertStatus(503)
    } finally {
      reliefBankSystems.restore()
    }
  })
})
