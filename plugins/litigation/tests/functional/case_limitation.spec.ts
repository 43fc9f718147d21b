import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { loanLimitation } from '../../../disposal/services/limitation_api.js'
import { caseBody, caseBook, CASE_API } from '../case_helpers.js'

/*
| A case moves 时效管理 through disposal's public limitation service: filing
| interrupts the loan's 诉讼时效 on the filing date; a judgment with its
| performance deadline starts the 申请执行时效 (two years, §250); 执行 is an
| application for enforcement. Each event names the case as its source.
*/
test.group('litigation: cases and 时效管理', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('filing interrupts; a judgment starts the enforcement period', async ({
    client,
    assert,
  }) => {
    const { book, credit, loan } = await caseBook()
    const token = book.people.branchManager.token
    const created = await client
      .post(`${CASE_API}/cases`)
      .bearerToken(token)
      .json(caseBody(credit, { caseNo: '（2026）京0105民初4321号', filedOn: '2026-03-02' }))
    created.assertStatus(201)
    const id = created.body().id

    const afterFiling = (await loanLimitation(loan.loanId))!
    const lawsuit = afterFiling.events.find((e) => e.type === 'lawsuit')!
    assert.equal(lawsuit.date, '2026-03-02')
    assert.equal(lawsuit.effect, 'interrupt')
    assert.equal(lawsuit.proofRef, '（2026）京0105民初4321号')
    assert.deepInclude(lawsuit.source as object, {
      plugin: 'litigation',
      kind: 'case',
      id: String(id),
    })
    const litigation = afterFiling.periods.find((p) => p.key === 'litigation')!
    assert.equal(litigation.base, '2026-03-02')

    // Changing the case again records nothing twice.
    const again = await client
      .put(`${CASE_API}/cases/${id}`)
      .bearerToken(token)
      .json(caseBody(credit, { caseNo: '（2026）京0105民初4321号', stage: 'first_instance' }))
    again.assertStatus(200)
    assert.lengthOf(
      (await loanLimitation(loan.loanId))!.events.filter((e) => e.type === 'lawsuit'),
      1
    )

    const judged = await client.post(`${CASE_API}/cases/${id}/judgments`).bearerToken(token).json({
      kind: 'judgment',
      documentNo: '（2026）京0105民初4321号民事判决书',
      decidedOn: '2026-06-01',
      servedOn: '2026-06-03',
      principalAwarded: '1000000.00',
      performanceDeadline: '2026-06-30',
    })
    judged.assertStatus(201)
    const afterJudgment = (await loanLimitation(loan.loanId))!
    const judgment = afterJudgment.events.find((e) => e.type === 'judgment')!
    assert.equal(judgment.endDate, '2026-06-30')
    assert.deepInclude(judgment.source as object, { plugin: 'litigation', kind: 'judgment' })
    const enforcement = afterJudgment.periods.find((p) => p.key === 'enforcement')!
    assert.equal(enforcement.end, '2028-06-30')
    // The case's own 申请执行 deadline agrees.
    assert.equal(
      judged.body().case.deadlines.find((d: any) => d.kind === 'enforcement').dueDate,
      '2028-06-30'
    )

    // 执行: the application for enforcement is recorded.
    const executing = await client
      .post(`${CASE_API}/cases/${id}/progress`)
      .bearerToken(token)
      .json({ happenedOn: '2026-07-10', stage: 'execution', content: '向法院申请强制执行，已立案' })
    executing.assertStatus(201)
    const applied = (await loanLimitation(loan.loanId))!.events.find(
      (e) => e.type === 'enforcement_application'
    )!
    assert.equal(applied.date, '2026-07-10')
  })
})
