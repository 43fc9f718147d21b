import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { PNG, audited, withSimulator } from './helpers.js'

/*
| 非定期检查 and results: a point that requires evidence blocks the result until a
| photo is filed on the 影像平台 (once, however often it is sent); a 风险 finding
| with a reclassification proposal is recorded, linked to the loan and told to
| the handlers; the assignee must be eligible; scope and strict input.
*/
test.group('inspections: 检查任务 and results', (group) => {
  const state = withSimulator(group)

  async function adhoc(client: any, token: string, customerId: number, extra: object = {}) {
    return client
      .post('/api/inspections/tasks')
      .bearerToken(token)
      .json({
        customerId,
        items: ['operation', 'willingness'],
        dueOn: '2026-03-31',
        reason: '舆情显示借款人停产',
        ...extra,
      })
  }

  const answers = [
    { item: 'operation', point: 'site_visit', ok: false, note: '厂房已停工' },
    { item: 'operation', point: 'revenue', ok: false },
    { item: 'operation', point: 'staff', ok: false },
    { item: 'willingness', point: 'interview', ok: true },
    { item: 'willingness', point: 'commitment', ok: false },
  ]

  test('required evidence, a photo on the 影像平台, a risk finding with a proposal', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const a = book.people.accountManagerA
    const loan = await bookLoan({
      orgId: book.orgs.subBranches[0],
      fiveClass: 'special_mention',
      managerId: a.id,
    })
    const created = await adhoc(client, book.people.branchManager.token, loan.customerId)
    created.assertStatus(201)
    const { id, taskNo, assigneeId } = created.body()
    assert.match(taskNo, /^FD\d{8}\d{6}$/)
    assert.equal(assigneeId, a.id)
    assert.isOk(await audited('inspections.task.create', id))

    const result = {
      answers,
      finding: 'risk',
      conclusion: '借款人停产，还款来源不足',
      proposal: { loanId: loan.loanId, toClass: 'substandard', reason: '停产，建议下调为次级' },
    }
    const blocked = await client
      .post(`/api/inspections/tasks/${id}/result`)
      .bearerToken(a.token)
      .json({ ...result, conclusion: '借款人停产（未附照片）' })
    blocked.assertStatus(422)
    assert.equal(blocked.body().errors[0].field, 'evidence')
    assert.include(blocked.body().errors[0].message, '经营场所')

    const photo = {
      item: 'operation',
      point: 'site_visit',
      title: '经营场所照片',
      fileName: 'site.png',
      content: PNG,
    }
    const up = await client
      .post(`/api/inspections/tasks/${id}/evidence`)
      .bearerToken(a.token)
      .json(photo)
    up.assertStatus(201)
    assert.match(up.body().docNo, /^UP\d+$/)
    // The same file again (a retry with another title): filed once.
    const twice = await client
      .post(`/api/inspections/tasks/${id}/evidence`)
      .bearerToken(a.token)
      .json({ ...photo, title: '经营场所照片（重传）' })
    twice.assertStatus(201)
    assert.equal(twice.body().docNo, up.body().docNo)
    assert.isFalse(twice.body().created)
    assert.equal(state.sim.stats().requests.imaging, 2)
    assert.isOk(await audited('inspections.evidence.upload', id))

    const done = await client
      .post(`/api/inspections/tasks/${id}/result`)
      .bearerToken(a.token)
      .json(result)
    done.assertStatus(200)
    assert.equal(done.body().status, 'done')
    const detail = await client.get(`/api/inspections/tasks/${id}`).bearerToken(a.token)
    assert.equal(detail.body().finding, 'risk')
    assert.lengthOf(detail.body().answers, 5)
    assert.deepEqual(
      detail.body().evidence.map((e: any) => [e.point, e.docNo]),
      [['site_visit', up.body().docNo]]
    )
    assert.deepInclude(detail.body().proposals[0], {
      loanId: loan.loanId,
      fromClass: 'special_mention',
      toClass: 'substandard',
      status: 'proposed',
    })
    const message = await db
      .from('messages')
      .where('type', 'inspections.finding')
      .where('user_id', a.id)
      .first()
    assert.include(message.title, taskNo)
    const deadline = await db
      .from('deadlines')
      .where('source', 'inspections')
      .where('subject_id', String(id))
      .first()
    assert.isNotNull(deadline.removed_at, 'a done task is no longer reminded')
    assert.isOk(await audited('inspections.task.complete', id))
    const again = await client
      .post(`/api/inspections/tasks/${id}/result`)
      .bearerToken(a.token)
      .json({ ...result, conclusion: '再次提交' })
    again.assertStatus(422)
  })

  test('assignee must hold the permission and have the customer in scope; scope is 404', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const loan = await bookLoan({
      orgId: book.orgs.subBranches[0],
      fiveClass: 'substandard',
      managerId: book.people.accountManagerA.id,
    })
    const token = book.people.branchManager.token
    const outsider = await adhoc(client, token, loan.customerId, {
      assigneeId: book.people.otherBranchManager.id,
    })
    outsider.assertStatus(422)
    assert.equal(outsider.body().errors[0].field, 'assigneeId')
    const notMine = await adhoc(client, token, loan.customerId, {
      assigneeId: book.people.accountManagerB.id,
    })
    notMine.assertStatus(422)
    const ok = await adhoc(client, token, loan.customerId, {
      assigneeId: book.people.subBranchClerk.id,
    })
    ok.assertStatus(201)
    const id = ok.body().id
    // Another branch: the customer and the task are out of scope — 404, not 403.
    const other = book.people.otherBranchManager.token
    ;(await adhoc(client, other, loan.customerId)).assertStatus(404)
    ;(await client.get(`/api/inspections/tasks/${id}`).bearerToken(other)).assertStatus(404)
    ;(
      await client.post(`/api/inspections/tasks/${id}/evidence`).bearerToken(other).json({
        item: 'operation',
        point: 'site_visit',
        title: 'x',
        fileName: 'x.png',
        content: PNG,
      })
    ).assertStatus(404)
    ;(
      await client
        .post(`/api/inspections/tasks/${id}/result`)
        .bearerToken(other)
        .json({ answers, finding: 'normal', conclusion: '正常' })
    ).assertStatus(404)
    // accountManagerB (仅本人) does not see A's customer either.
    ;(
      await client
        .get(`/api/inspections/tasks/${id}`)
        .bearerToken(book.people.accountManagerB.token)
    ).assertStatus(404)
  })

  test('bad input is 422: dates, items, unknown fields, points off the checklist', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const a = book.people.accountManagerA
    const loan = await bookLoan({
      orgId: book.orgs.subBranches[0],
      fiveClass: 'doubtful',
      managerId: a.id,
    })
    const date = await adhoc(client, a.token, loan.customerId, { dueOn: '2026-02-30' })
    date.assertStatus(422)
    assert.equal(date.body().errors[0].field, 'dueOn')
    const past = await adhoc(client, a.token, loan.customerId, { dueOn: '2026-03-14' })
    past.assertStatus(422)
    assert.equal(past.body().errors[0].field, 'dueOn')
    const unknown = await adhoc(client, a.token, loan.customerId, { urgent: true })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'urgent')
    ;(await adhoc(client, a.token, loan.customerId, { items: [] })).assertStatus(422)
    const task = await adhoc(client, a.token, loan.customerId, { items: ['loan'] })
    task.assertStatus(201)
    const id = task.body().id
    const off = await client
      .post(`/api/inspections/tasks/${id}/evidence`)
      .bearerToken(a.token)
      .json({
        item: 'address',
        point: 'address_check',
        title: '门牌',
        fileName: 'a.png',
        content: PNG,
      })
    off.assertStatus(422)
    assert.equal(off.body().errors[0].field, 'point')
    const partial = await client
      .post(`/api/inspections/tasks/${id}/result`)
      .bearerToken(a.token)
      .json({
        answers: [{ item: 'loan', point: 'usage', ok: true }],
        finding: 'normal',
        conclusion: '正常',
      })
    partial.assertStatus(422)
    assert.equal(partial.body().errors[0].field, 'answers')
    const wrongClass = await client
      .post(`/api/inspections/tasks/${id}/result`)
      .bearerToken(a.token)
      .json({
        answers: [
          { item: 'loan', point: 'usage', ok: true },
          { item: 'loan', point: 'arrears', ok: true },
        ],
        finding: 'attention',
        conclusion: '关注',
        proposal: { loanId: loan.loanId, toClass: 'doubtful', reason: '维持' },
      })
    wrongClass.assertStatus(422)
    assert.equal(wrongClass.body().errors[0].field, 'proposal.toClass')
    const row = await db.from('insp_tasks').where('id', id).first()
    assert.equal(row.status, 'open')
    assert.equal(
      Number((await db.from('insp_task_results').where('task_id', id).count('* as n').first()).n),
      0
    )
  })

  test('a bank edits a checklist: a new point requiring evidence applies to new results', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const token = book.people.headOfficeRisk.token
    const saved = await client
      .put('/api/inspections/checklists/loan')
      .bearerToken(token)
      .json({
        points: [
          { code: 'usage', label: '核查贷款资金用途（附流水截图）', evidenceRequired: true },
          { code: 'arrears', label: '核对欠本欠息', evidenceRequired: false },
        ],
      })
    saved.assertStatus(200)
    assert.isTrue(saved.body().data[0].evidenceRequired)
    const dup = await client
      .put('/api/inspections/checklists/loan')
      .bearerToken(token)
      .json({
        points: [
          { code: 'usage', label: '一', evidenceRequired: false },
          { code: 'usage', label: '二', evidenceRequired: false },
        ],
      })
    dup.assertStatus(422)
    const list = await client.get('/api/inspections/checklists').bearerToken(token)
    assert.lengthOf(list.body().data.loan, 2)
    assert.lengthOf(list.body().data.operation, 3)
    assert.isOk(await audited('inspections.checklist.update', 'loan'))
  })
})
