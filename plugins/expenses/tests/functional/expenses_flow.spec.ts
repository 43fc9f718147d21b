import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { changeSettingValue } from '#core/settings/update_setting'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { buildBook } from '#tests/fixtures/book'
import { bookLoan, type CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { API, body, drain, withSimulator } from '../expenses_helpers.js'

/*
| 费用管理 through its routes: apply → (approval above the 审批金额) → paid with
| the posting to core banking through the outbox → recovered; the data scope;
| 422 on bad input; exactly one posting per expense whatever core banking does.
*/
test.group('expenses: routes', (group) => {
  const sim = withSimulator(group)

  test('below the 审批金额: approved on submission, paid, posted once, recovered', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const clerk = book.people.branchManager
    const loan = loans.substandard
    const created = await client
      .post(API)
      .bearerToken(clerk.token)
      .json(body(loan.customerId, [loan.loanId]))
    created.assertStatus(201)
    const expense = created.body()
    assert.equal(expense.status, 'approved')
    assert.isNull(expense.workflowInstanceId)
    assert.equal(expense.posting.state, 'none')

    const paid = await client
      .post(`${API}/${expense.id}/pay`)
      .bearerToken(clerk.token)
      .json({ paidOn: '2026-01-06' })
    paid.assertStatus(200)
    assert.equal(paid.body().status, 'paid')
    assert.equal(paid.body().posting.state, 'pending')
    assert.equal(paid.body().posting.key, `expenses:expense:${expense.id}`)
    const message = await db
      .from('outbox_messages')
      .where('idempotency_key', `expenses:expense:${expense.id}`)
      .firstOrFail()
    assert.equal(message.system_code, 'core-banking')
    assert.deepEqual(JSON.parse(message.payload), {
      loanNo: loan.loanNo,
      amount: '5000.00',
      direction: 'debit',
      memo: `保全费 ${expense.expenseNo} 收款方 北京市朝阳区人民法院`,
    })
    // Paying again is refused: one expense, one posting.
    const twice = await client
      .post(`${API}/${expense.id}/pay`)
      .bearerToken(await tokenFor('admin'))
      .json({ paidOn: '2026-01-07' })
    twice.assertStatus(409)

    await drain()
    const shown = await client.get(`${API}/${expense.id}`).bearerToken(clerk.token)
    assert.equal(shown.body().posting.state, 'posted')
    assert.match(shown.body().posting.postingNo, /^P\d{10}$/)
    assert.deepEqual(sim().stats().postings.appliedPerKey, {
      [`expenses:expense:${expense.id}`]: 1,
    })

    const recovered = await client
      .post(`${API}/${expense.id}/recover`)
      .bearerToken(clerk.token)
      .json({ recoveredOn: '2026-02-01' })
    recovered.assertStatus(200)
    assert.equal(recovered.body().status, 'recovered')
    assert.equal(recovered.body().recoveredOn, '2026-02-01')
    const actions = await db
      .from('audit_logs')
      .where({ entity_type: 'expense', entity_id: String(expense.id) })
      .orderBy('id')
      .select('action', 'user_id')
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'expenses.expense.create',
        'expenses.expense.approve',
        'expenses.expense.pay',
        'expenses.expense.recover',
      ]
    )
    assert.equal(actions[0].user_id, clerk.id)
  })

  test('above the 审批金额 the workflow decides; a returned application is edited and resubmitted', async ({
    client,
    assert,
  }) => {
    const changed = await changeSettingValue('expenses.approvalThreshold', '3000.00', null)
    assert.equal(changed.status, 'ok')
    const loan = await bookLoan({ orgCode: '110101', riskAsset: true, overdueDays: 200 })
    const applicant = await userWith({
      permissions: ['expenses:expense:list', 'expenses:expense:create', 'expenses:expense:update'],
      dataScope: 'org',
      orgCode: '110101',
    })
    // Exactly the threshold: approved on submission.
    const atThreshold = await client
      .post(API)
      .bearerToken(applicant.token)
      .json(body(loan.customerId, [loan.loanId], { amount: '3000.00' }))
    atThreshold.assertStatus(201)
    assert.equal(atThreshold.body().status, 'approved')

    const above = await client
      .post(API)
      .bearerToken(applicant.token)
      .json(body(loan.customerId, [loan.loanId], { amount: '3000.01' }))
    above.assertStatus(201)
    const expense = above.body()
    assert.equal(expense.status, 'applied')
    assert.isNumber(expense.workflowInstanceId)
    // Not approved yet: it cannot be paid.
    ;(
      await client
        .post(`${API}/${expense.id}/pay`)
        .bearerToken(await tokenFor('admin'))
        .json({ paidOn: '2026-01-06' })
    ).assertStatus(409)

    const branch = await tokenFor('bj_asset')
    const todo = await client.get('/api/workflow/tasks').qs({ box: 'todo' }).bearerToken(branch)
    const task = todo.body().data.find((t: any) => t.instanceId === expense.workflowInstanceId)
    assert.exists(task, 'the expense is in bj_asset 待办')
    assert.equal(task.link, `/p/expenses/ExpensePage?id=${expense.id}`)
    ;(
      await client
        .post(`/api/workflow/instances/${expense.workflowInstanceId}/return`)
        .bearerToken(branch)
        .json({ comment: '请补充法院收费通知书', toSeq: 0 })
    ).assertStatus(200)
    const returned = await client.get(`${API}/${expense.id}`).bearerToken(applicant.token)
    assert.equal(returned.body().status, 'returned')

    const edited = await client
      .put(`${API}/${expense.id}`)
      .bearerToken(applicant.token)
      .json(body(loan.customerId, [loan.loanId], { amount: '3100.00', remark: '已补充通知书' }))
    edited.assertStatus(200)
    assert.equal(edited.body().status, 'applied')
    assert.equal(edited.body().amount, '3100.00')
    ;(
      await client
        .post(`/api/workflow/instances/${expense.workflowInstanceId}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意' })
    ).assertStatus(200)
    const approved = await client.get(`${API}/${expense.id}`).bearerToken(applicant.token)
    assert.equal(approved.body().status, 'approved')
    // An approved application is no longer editable.
    ;(
      await client
        .put(`${API}/${expense.id}`)
        .bearerToken(applicant.token)
        .json(body(loan.customerId, [loan.loanId], { amount: '1.00' }))
    ).assertStatus(409)
  })

  test('a branch user never sees or touches another branch’s fees', async ({ client, assert }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const mine = await client
      .post(API)
      .bearerToken(book.people.branchManager.token)
      .json(body(loans.substandard.customerId, [loans.substandard.loanId]))
    mine.assertStatus(201)
    const theirs = await client
      .post(API)
      .bearerToken(book.people.otherBranchManager.token)
      .json(body(loans.loss.customerId, [loans.loss.loanId], { feeKind: 'lawyer_fee' }))
    theirs.assertStatus(201)

    const list = async (token: string) =>
      (await client.get(API).qs({ perPage: 200 }).bearerToken(token))
        .body()
        .data.map((e: any) => e.id)
    assert.deepEqual(await list(book.people.branchManager.token), [mine.body().id])
    assert.deepEqual(await list(book.people.otherBranchManager.token), [theirs.body().id])
    assert.includeMembers(await list(book.people.headOfficeRisk.token), [
      mine.body().id,
      theirs.body().id,
    ])
    // 仅本人: manager A does not manage the 次级 loan (manager B does).
    assert.deepEqual(await list(book.people.accountManagerA.token), [])

    const other = book.people.otherBranchManager.token
    for (const request of [
      client.get(`${API}/${mine.body().id}`),
      client.post(`${API}/${mine.body().id}/pay`).json({ paidOn: '2026-01-06' }),
      client.post(`${API}/${mine.body().id}/recover`).json({ recoveredOn: '2026-01-06' }),
      client.post(`${API}/${mine.body().id}/posting/retry`),
      client.put(`${API}/${mine.body().id}`).json(body(loans.loss.customerId, [])),
    ])
      (await request.bearerToken(other)).assertStatus(404)
    // Nor can a fee be applied on a loan outside the scope.
    ;(
      await client
        .post(API)
        .bearerToken(other)
        .json(body(loans.substandard.customerId, [loans.substandard.loanId], { amount: '1.00' }))
    ).assertStatus(404)
    // The widget counts only the fees in the viewer's scope.
    const widget = await client
      .get('/api/dashboard/widgets/expenses:by-status/data')
      .bearerToken(other)
    widget.assertStatus(200)
    assert.deepEqual(widget.body().statuses, [{ status: 'approved', count: 1, amount: '5000.00' }])
    // The ledger applies the same scope.
    const ledger = await client
      .get('/api/ledgers/expenses/rows')
      .qs({ perPage: 200 })
      .bearerToken(other)
    ledger.assertStatus(200)
    assert.deepEqual(
      ledger.body().data.map((r: any) => r.expenseNo),
      [theirs.body().expenseNo]
    )
  })

  test('bad input answers 422 with field messages and writes nothing', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const token = book.people.headOfficeRisk.token
    const loan = loans.substandard
    const post = (extra: Record<string, unknown>) =>
      client
        .post(API)
        .bearerToken(token)
        .json(body(loan.customerId, [loan.loanId], extra))
    for (const amount of ['-100.00', '1.234', '1,00', '', '0', '1e3']) {
      const response = await post({ amount })
      assert.equal(response.status(), 422, `${amount}: ${JSON.stringify(response.body())}`)
      assert.equal(response.body().errors[0].field, 'amount', amount)
    }
    const many = await post({ feeKind: 'nonsense', expenseDate: '2026-02-30', payee: '' })
    many.assertStatus(422)
    assert.includeMembers(
      many.body().errors.map((e: any) => e.field),
      ['feeKind', 'expenseDate', 'payee']
    )
    assert.isTrue(many.body().errors.some((e: any) => e.message.includes('费用日期')))
    const future = await post({ expenseDate: '2099-01-04' })
    future.assertStatus(422)
    assert.equal(future.body().errors[0].field, 'expenseDate')
    const wrongCustomer = await post({ customerId: loans.loss.customerId })
    wrongCustomer.assertStatus(422)
    assert.equal(wrongCustomer.body().errors[0].field, 'loanIds')
    const count = await db.from('exp_expenses').count('* as n').first()
    assert.equal(Number(count.n), 0)

    const ok = await post({ amount: '10.00' })
    ok.assertStatus(201)
    const early = await client
      .post(`${API}/${ok.body().id}/pay`)
      .bearerToken(token)
      .json({ paidOn: '2026-01-04' })
    early.assertStatus(422)
    assert.equal(early.body().errors[0].field, 'paidOn')
    const unrecoverable = await post({ amount: '11.00', recoverable: false })
    await client
      .post(`${API}/${unrecoverable.body().id}/pay`)
      .bearerToken(token)
      .json({ paidOn: '2026-01-05' })
    ;(
      await client
        .post(`${API}/${unrecoverable.body().id}/recover`)
        .bearerToken(token)
        .json({ recoveredOn: '2026-01-06' })
    ).assertStatus(409)
    ;(
      await client
        .post(API)
        .bearerToken((await userWith({ permissions: ['expenses:expense:list'] })).token)
        .json(body(loan.customerId, [loan.loanId]))
    ).assertStatus(403)
  })
})
