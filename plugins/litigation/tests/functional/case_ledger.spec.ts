import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { caseBody, caseBook, CASE_API } from '../case_helpers.js'

/*
| 诉讼台账 (core ledger registry) and the 诉讼案件分布 widget: one row per case with
| its claim, stage, court, lawyer, fees, recovered and next deadline; as of a
| date the stage of that day and the fees by then; totals; another branch sees
| no rows. The fees are the expenses plugin's (the case's own expenses and its
| lawyer engagements'), never the case's 受理费 field.
*/
const LEDGER = '/api/ledgers/litigation-cases'

test.group('litigation: 诉讼台账 and widget', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('rows, as-of stage, totals, scope and the widget', async ({ client, assert }) => {
    const { book, credit, loan } = await caseBook()
    const token = book.people.branchManager.token
    const created = await client
      .post(`${CASE_API}/cases`)
      .bearerToken(token)
      .json(
        caseBody(credit, {
          caseNo: '（2026）京0105民初777号',
          filedOn: '2026-03-02',
          preservationFee: '2520.00',
          recovered: '1000.50',
        })
      )
    created.assertStatus(201)
    const id = created.body().id
    await client
      .post(`${CASE_API}/cases/${id}/progress`)
      .bearerToken(token)
      .json({ happenedOn: '2026-04-01', stage: 'first_instance', content: '一审开庭审理' })
      .then((r) => r.assertStatus(201))
    await client
      .post(`${CASE_API}/cases/${id}/hearings`)
      .bearerToken(token)
      .json({ hearingOn: '2027-02-03', kind: 'trial' })
      .then((r) => r.assertStatus(201))

    // Two fees of the case in 费用管理 (through the case's route: the expenses public service).
    const fee = (body: Record<string, unknown>) =>
      client
        .post(`${CASE_API}/cases/${id}/expenses`)
        .bearerToken(token)
        .json({ payee: '北京市朝阳区人民法院', recoverable: true, ...body })
    const acceptance = await fee({
      feeKind: 'acceptance_fee',
      amount: '8800.00',
      expenseDate: '2026-03-02',
    })
    acceptance.assertStatus(201)
    assert.include(acceptance.body(), { status: 'approved', amount: '8800.00' })
    assert.deepInclude(acceptance.body().source, {
      plugin: 'litigation',
      kind: 'case',
      id: String(id),
    })
    await fee({ feeKind: 'announcement_fee', amount: '560.30', expenseDate: '2026-04-10' }).then(
      (r) => r.assertStatus(201)
    )
    await client
      .post(`/api/expenses/expenses/${acceptance.body().id}/pay`)
      .bearerToken(token)
      .json({ paidOn: '2026-03-20' })
      .then((r) => r.assertStatus(200))
    // 422s: negative amount, unknown field; another branch: 404.
    const negative = await fee({ feeKind: 'other', amount: '-1.00', expenseDate: '2026-04-10' })
    negative.assertStatus(422)
    assert.equal(negative.body().errors[0].field, 'amount')
    await fee({ feeKind: 'other', amount: '1.00', expenseDate: '2026-04-10', caseId: 1 }).then(
      (r) => r.assertStatus(422)
    )
    await client
      .post(`${CASE_API}/cases/${id}/expenses`)
      .bearerToken(book.people.otherBranchManager.token)
      .json({
        feeKind: 'other',
        payee: 'x',
        amount: '1.00',
        expenseDate: '2026-04-10',
        recoverable: false,
      })
      .then((r) => r.assertStatus(404))
    const listed = await client.get(`${CASE_API}/cases/${id}/expenses`).bearerToken(token)
    assert.deepEqual(
      listed.body().data.map((e: any) => e.amount),
      ['560.30', '8800.00']
    )

    const rows = (qs: Record<string, unknown> = {}, who = token) =>
      client
        .get(`${LEDGER}/rows`)
        .qs({ keyword: '（2026）京0105民初777号', ...qs })
        .bearerToken(who)
    const live = await rows()
    live.assertStatus(200)
    assert.equal(live.body().meta.total, 1)
    assert.include(live.body().data[0], {
      caseNo: '（2026）京0105民初777号',
      stage: 'first_instance',
      court: '北京市朝阳区人民法院',
      lawyer: '李律师',
      claim: '1035678.90',
      fees: '9360.30',
      feesPaid: '8800.00',
      recovered: '1000.50',
      nextDeadline: '2027-02-03',
      caseNo__link: String(id),
    })
    assert.equal(live.body().data[0].loanNos, loan.loanNo)
    // As of 2026-03-15 the case was at 立案; as of 2026-03-01 it was not filed yet.
    const asOf = await rows({ asOf: '2026-03-15' })
    assert.equal(asOf.body().data[0].stage, 'filing')
    // As of 2026-03-15: the acceptance fee (dated 03-02, paid 03-20 — not yet paid then) only.
    assert.include(asOf.body().data[0], { fees: '8800.00', feesPaid: '0.00' })
    assert.include((await rows({ asOf: '2026-03-25' })).body().data[0], {
      fees: '8800.00',
      feesPaid: '8800.00',
    })
    assert.equal(asOf.body().data[0].nextDeadline, '2027-02-03')
    assert.equal((await rows({ asOf: '2026-03-01' })).body().meta.total, 0)
    const totals = await client
      .get(`${LEDGER}/totals`)
      .qs({ keyword: '（2026）京0105民初777号' })
      .bearerToken(token)
    assert.include(totals.body().totals, { claim: '1035678.90', fees: '9360.30' })
    assert.equal((await rows({}, book.people.otherBranchManager.token)).body().meta.total, 0)

    const widget = await client
      .get('/api/dashboard/widgets/litigation:cases-by-stage/data')
      .bearerToken(token)
    widget.assertStatus(200)
    const data = widget.body()
    assert.equal(data.stages.find((s: any) => s.code === 'first_instance').cases, 1)
    assert.equal(data.stages.length, 7)
    const other = await client
      .get('/api/dashboard/widgets/litigation:cases-by-stage/data')
      .bearerToken(book.people.otherBranchManager.token)
    assert.equal(
      other.body().stages.reduce((n: number, s: any) => n + s.cases, 0),
      0
    )
  })
})
