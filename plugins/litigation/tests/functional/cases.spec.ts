import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { caseBody, caseBook, caseNo, CASE_API } from '../case_helpers.js'

/*
| 案件信息登记: register a case on the book's loan with its parties from the book,
| record progress, a hearing, a judgment and a preservation; the deadlines they
| give; scope (another branch gets 404), 422 on a malformed 案号, impossible
| dates, negative amounts and unknown fields; every write audited.
*/
test.group('litigation: cases', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('registers a case with parties from the book and its audit row', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const clerk = book.people.branchManager
    const response = await client
      .post(`${CASE_API}/cases`)
      .bearerToken(clerk.token)
      .json(caseBody(credit, { caseNo: '（2026）京0105民初12345号' }))
    response.assertStatus(201)
    const created = response.body()
    assert.equal(created.caseNo, '（2026）京0105民初12345号')
    assert.equal(created.claimTotal, '1035678.90')
    assert.equal(created.acceptanceFee, '14121.00')
    assert.deepEqual(
      created.parties.map((p: any) => [p.kind, p.name]),
      [
        ['bank', created.parties[0].name],
        ['borrower', created.customerName],
        ['guarantor', '保证人甲'],
      ]
    )
    assert.match(created.parties[0].name, /^示范银行|银行/)
    const row = await db
      .from('lit_cases')
      .where('id', created.id)
      .select(db.raw('CAST(claim_interest_fen AS CHAR) as fen'))
      .first()
    assert.equal(row.fen, '3567890')
    const auditRow = await db
      .from('audit_logs')
      .where('action', 'litigation.case.create')
      .where('entity_id', String(created.id))
      .first()
    assert.exists(auditRow)
    // The filing is on the customer's timeline.
    const events = await db
      .from('ca_risk_events')
      .where('loan_id', credit.loans.substandard.loanId)
      .where('event_type', 'litigation.case')
    assert.lengthOf(events, 1)
    assert.include(events[0].after_json, '立案')
  })

  test('422: case number format, impossible dates, negative amounts, unknown fields', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const token = book.people.branchManager.token
    const bad = async (overrides: Record<string, unknown>, field: string) => {
      const response = await client
        .post(`${CASE_API}/cases`)
        .bearerToken(token)
        .header('accept-language', 'zh-CN')
        .json(caseBody(credit, overrides))
      response.assertStatus(422)
      const errors = response.body().errors as Array<{ field: string; message: string }>
      assert.isTrue(
        errors.some((e) => e.field === field),
        `${field}: ${JSON.stringify(errors)}`
      )
      return errors
    }
    // Half-width brackets, missing 号, unknown type, a year in the future, leading zero.
    const [message] = await bad({ caseNo: '(2024)京0105民初12345号' }, 'caseNo')
    assert.include(message.message, '案号')
    await bad({ caseNo: '（2024）京0105民初12345' }, 'caseNo')
    await bad({ caseNo: '（2024）京0105民乙12345号' }, 'caseNo')
    await bad({ caseNo: '（2099）京0105民初12345号' }, 'caseNo')
    await bad({ caseNo: '（2024）京0105民初012号' }, 'caseNo')
    await bad({ caseNo: '（2024）X0105民初12号' }, 'caseNo')
    await bad({ filedOn: '2026-02-30' }, 'filedOn')
    await bad({ claimPrincipal: '-1.00' }, 'claimPrincipal')
    await bad({ claimInterest: '1.234' }, 'claimInterest')
    await bad({ stage: 'nonsense' }, 'stage')
    await bad({ hacked: true }, 'hacked')
    // A 诉前方案 must be an approved plan of this customer.
    await bad({ prePlanId: 999999 }, 'prePlanId')
    // The filing date may not be after the business date; the case year not after the filing year.
    await bad({ filedOn: '2999-01-01' }, 'filedOn')
    await bad({ caseNo: caseNo(), filedOn: '2025-12-30' }, 'caseNo')
    // A guarantor must be a guarantee of the case's loans.
    await bad(
      {
        parties: [
          { role: 'plaintiff', kind: 'bank' },
          { role: 'defendant', kind: 'guarantor', guaranteeId: credit.guaranteeIds[1] },
        ],
      },
      'parties.1.guaranteeId'
    )
    // Other accepted formats: 中院二审, 执行, 最高法.
    for (const no of ['（2026）京01民终678号', '（2026）京0105执3456号', '（2025）最高法民申9号']) {
      const ok = await client
        .post(`${CASE_API}/cases`)
        .bearerToken(token)
        .json(caseBody(credit, { caseNo: no }))
      ok.assertStatus(201)
    }
    // The same number twice.
    const twice = await client
      .post(`${CASE_API}/cases`)
      .bearerToken(book.people.headOfficeRisk.token)
      .json(caseBody(credit, { caseNo: '（2026）京01民终678号' }))
    twice.assertStatus(422)
  })

  test('another branch neither lists nor opens nor changes the case (404)', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const created = await client
      .post(`${CASE_API}/cases`)
      .bearerToken(book.people.branchManager.token)
      .json(caseBody(credit))
    created.assertStatus(201)
    const id = created.body().id
    const other = book.people.otherBranchManager.token
    const list = await client.get(`${CASE_API}/cases`).bearerToken(other)
    list.assertStatus(200)
    assert.notInclude(
      list.body().data.map((c: any) => c.id),
      id
    )
    ;(await client.get(`${CASE_API}/cases/${id}`).bearerToken(other)).assertStatus(404)
    ;(
      await client
        .post(`${CASE_API}/cases/${id}/progress`)
        .bearerToken(other)
        .json({ happenedOn: '2026-03-05', stage: 'first_instance', content: '收到受理通知书' })
    ).assertStatus(404)
    ;(await client.delete(`${CASE_API}/cases/${id}`).bearerToken(other)).assertStatus(404)
    // Nor registers a case on a customer outside its scope.
    ;(
      await client.post(`${CASE_API}/cases`).bearerToken(other).json(caseBody(credit))
    ).assertStatus(404)
    // The 仅本人 clerk who did not register it does not see it either.
    ;(
      await client.get(`${CASE_API}/cases/${id}`).bearerToken(book.people.accountManagerA.token)
    ).assertStatus(404)
    // Without the permission: 403.
    const list403 = await client
      .get(`${CASE_API}/cases`)
      .bearerToken((await caseBook(['credit-assets:loan:list'])).book.people.headOfficeRisk.token)
    list403.assertStatus(403)
  })

  test('progress moves the stage; hearings, judgments and preservations give deadlines', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const token = book.people.branchManager.token
    const created = await client.post(`${CASE_API}/cases`).bearerToken(token).json(caseBody(credit))
    created.assertStatus(201)
    const id = created.body().id

    const progress = await client.post(`${CASE_API}/cases/${id}/progress`).bearerToken(token).json({
      happenedOn: '2026-03-10',
      stage: 'first_instance',
      content: '法院送达受理通知书及举证通知书',
      nextStep: '准备证据材料',
      nextDate: '2026-04-01',
    })
    progress.assertStatus(201)
    assert.equal(progress.body().case.stage, 'first_instance')
    // The registration is the first entry of the history.
    assert.lengthOf(progress.body().case.progress, 2)
    assert.equal(progress.body().case.progress[1].stage, 'filing')

    const hearing = await client
      .post(`${CASE_API}/cases/${id}/hearings`)
      .bearerToken(token)
      .json({ hearingOn: '2027-01-12', hearingTime: '09:30', kind: 'trial', place: '第十法庭' })
    hearing.assertStatus(201)

    // The judgment is recorded on 2026-05-20, while its appeal period runs.
    await businessDate.set('2026-05-20')
    // A judgment served on Friday 2026-05-15: 15 days → Saturday 2026-05-30 → Monday 2026-06-01.
    const judgment = await client
      .post(`${CASE_API}/cases/${id}/judgments`)
      .bearerToken(token)
      .json({
        kind: 'judgment',
        documentNo: '（2026）京0105民初12345号民事判决书',
        decidedOn: '2026-05-08',
        servedOn: '2026-05-15',
        principalAwarded: '1000000.00',
        interestAwarded: '35678.90',
        performanceDeadline: '2026-06-15',
      })
    judgment.assertStatus(201)
    const detail = judgment.body().case
    assert.equal(detail.judgments[0].totalAwarded, '1035678.90')
    const due = (kind: string) => detail.deadlines.find((d: any) => d.kind === kind)?.dueDate
    assert.equal(due('hearing'), '2027-01-12')
    assert.equal(due('appeal'), '2026-06-01')
    // 申请执行: two years from 2026-06-15 → Thursday 2028-06-15 (a working day, weekends-only year).
    assert.equal(due('enforcement'), '2028-06-15')

    // 冻结银行存款 from 2026-03-20: at most one year → 2027-03-20 is a Saturday → Monday 2027-03-22.
    const freeze = await client
      .post(`${CASE_API}/cases/${id}/preservations`)
      .bearerToken(token)
      .json({
        kind: 'bank_deposit',
        target: '被告在某银行账户存款',
        amount: '500000.00',
        startOn: '2026-03-20',
      })
    freeze.assertStatus(201)
    const afterFreeze = freeze.body().case
    assert.equal(afterFreeze.preservations[0].endOn, '2027-03-20')
    const expiry = afterFreeze.deadlines.find((d: any) => d.kind === 'preservation_expiry')
    assert.equal(expiry.dueDate, '2027-03-22')
    const renewal = afterFreeze.deadlines.find((d: any) => d.kind === 'preservation_renewal')
    // 续封: 15 working days (the default parameter) before the expiry.
    assert.equal(renewal.dueDate, '2027-03-01')

    // Longer than the law allows is a 422; a 续封 replaces the old measure's deadlines.
    ;(
      await client.post(`${CASE_API}/cases/${id}/preservations`).bearerToken(token).json({
        kind: 'bank_deposit',
        target: '同一账户',
        amount: '1.00',
        startOn: '2026-03-20',
        endOn: '2027-03-21',
      })
    ).assertStatus(422)
    // Months later the seal is renewed; the appeal period is history by then.
    await businessDate.set('2026-11-25')
    const renewed = await client
      .post(`${CASE_API}/cases/${id}/preservations`)
      .bearerToken(token)
      .json({
        kind: 'bank_deposit',
        target: '被告在某银行账户存款（续冻）',
        amount: '500000.00',
        startOn: '2026-11-20',
        renewedFromId: afterFreeze.preservations[0].id,
      })
    renewed.assertStatus(201)
    const expiries = renewed
      .body()
      .case.deadlines.filter((d: any) => d.kind === 'preservation_expiry')
    assert.lengthOf(expiries, 1)
    assert.equal(expiries[0].dueDate, '2027-11-22') // 2027-11-20 is a Saturday
    assert.notExists(renewed.body().case.deadlines.find((d: any) => d.kind === 'appeal'))

    // The core engine has them too, in the clerk's 我的时效.
    const core = await db
      .from('deadlines')
      .where('source', 'litigation')
      .where('subject_type', 'lit_case')
      .whereNull('removed_at')
      .whereRaw('subject_id LIKE ?', [`${id}:%`])
    assert.equal(core.length, renewed.body().case.deadlines.length)

    // Deleting the hearing removes its deadline; a judged case cannot be deleted.
    const hearingId = renewed.body().case.hearings[0].id
    const removed = await client
      .delete(`${CASE_API}/cases/${id}/hearings/${hearingId}`)
      .bearerToken(token)
    removed.assertStatus(200)
    assert.notExists(removed.body().deadlines.find((d: any) => d.kind === 'hearing'))
    ;(await client.delete(`${CASE_API}/cases/${id}`).bearerToken(token)).assertStatus(409)

    // 422s on the records: served before decided, a judgment before the filing.
    ;(
      await client.post(`${CASE_API}/cases/${id}/judgments`).bearerToken(token).json({
        kind: 'ruling',
        decidedOn: '2026-05-08',
        servedOn: '2026-05-01',
        principalAwarded: '0',
      })
    ).assertStatus(422)
    ;(
      await client
        .post(`${CASE_API}/cases/${id}/judgments`)
        .bearerToken(token)
        .json({ kind: 'ruling', decidedOn: '2026-01-08', principalAwarded: '0' })
    ).assertStatus(422)
  })

  test('progress attachments: a PDF is kept and read back in scope; an .exe is refused', async ({
    client,
    assert,
  }) => {
    const { book, credit } = await caseBook()
    const token = book.people.branchManager.token
    const created = await client.post(`${CASE_API}/cases`).bearerToken(token).json(caseBody(credit))
    const id = created.body().id
    const progressId = created.body().progress[0].id
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    const uploaded = await client
      .post(`${CASE_API}/cases/${id}/progress/${progressId}/files`)
      .bearerToken(token)
      .file('file', pdf, { filename: '受理通知书.pdf' })
    uploaded.assertStatus(201)
    const fileId = uploaded.body().id
    const detail = await client.get(`${CASE_API}/cases/${id}`).bearerToken(token)
    assert.deepEqual(
      detail.body().progress[0].files.map((f: any) => f.fileName),
      ['受理通知书.pdf']
    )
    const download = await client.get(`${CASE_API}/cases/${id}/files/${fileId}`).bearerToken(token)
    download.assertStatus(200)
    assert.include(download.header('content-disposition'), 'attachment')
    ;(
      await client
        .get(`${CASE_API}/cases/${id}/files/${fileId}`)
        .bearerToken(book.people.otherBranchManager.token)
    ).assertStatus(404)
    const refused = await client
      .post(`${CASE_API}/cases/${id}/progress/${progressId}/files`)
      .bearerToken(book.people.headOfficeRisk.token)
      .file('file', Buffer.from('MZ\x90\x00'), { filename: 'virus.exe' })
    refused.assertStatus(422)
  })
})
