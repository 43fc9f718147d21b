import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { dateText } from '#core/holidays/calendar_date'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { generateTasks } from '../../services/generate_tasks.js'
import { audited, revoke, withSimulator } from './helpers.js'

/*
| 检查计划: a plan's frequency and band pick the loans; one task per customer and
| period (a second run adds none), due at the period's end on the calendar, with
| a deadline; assigned to the 管户人 only when they hold the permission and have
| the customer in scope, else to an eligible colleague at the customer's org.
*/
test.group('inspections: 检查计划 and task generation', (group) => {
  withSimulator(group, '2026-05-15')

  test('a monthly 次级 plan generates one task per customer and period, due on a working day', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const sub1 = book.orgs.subBranches[0]
    const a = book.people.accountManagerA
    const inBand = await bookLoan({
      orgId: sub1,
      fiveClass: 'substandard',
      managerId: a.id,
      balanceFen: '50000000',
    })
    await bookLoan({
      customerId: inBand.customerId,
      orgId: sub1,
      fiveClass: 'substandard',
      managerId: a.id,
      balanceFen: '60000000',
    })
    const tooBig = await bookLoan({
      orgId: sub1,
      fiveClass: 'substandard',
      managerId: a.id,
      balanceFen: '900000000',
    })
    const otherClass = await bookLoan({
      orgId: sub1,
      fiveClass: 'doubtful',
      managerId: a.id,
      balanceFen: '50000000',
    })
    const token = book.people.headOfficeRisk.token
    const created = await client
      .post('/api/inspections/plans')
      .bearerToken(token)
      .json({
        name: '次级贷款月度检查',
        frequency: 'monthly',
        fiveClass: 'substandard',
        minBalance: '100000.00',
        maxBalance: '1000000.00',
        items: ['operation', 'loan', 'address'],
      })
    created.assertStatus(201)
    const planId = created.body().id
    assert.isOk(await audited('inspections.plan.create', planId))

    const first = await generateTasks({ planId })
    const again = await generateTasks({ planId })
    assert.equal(again.created, 0)
    assert.isAtLeast(first.created, 1)
    const tasks = await db.from('insp_tasks').where('plan_id', planId)
    const mine = tasks.filter((t) => Number(t.customer_id) === inBand.customerId)
    assert.lengthOf(mine, 1, 'one task for the customer, however many loans qualify')
    assert.equal(mine[0].period_key, '2026M05')
    // 2026-05-31 is a Sunday: due the next working day.
    assert.equal(dateText(mine[0].due_on), '2026-06-01')
    assert.equal(Number(mine[0].assignee_id), a.id)
    assert.isUndefined(tasks.find((t) => Number(t.customer_id) === tooBig.customerId))
    assert.isUndefined(tasks.find((t) => Number(t.customer_id) === otherClass.customerId))
    const deadline = await db
      .from('deadlines')
      .where('source', 'inspections')
      .where('subject_id', String(mine[0].id))
      .first()
    assert.equal(dateText(deadline.due_date), '2026-06-01')
    const users = await db.from('deadline_users').where('deadline_id', deadline.id)
    assert.deepEqual(
      users.map((u) => Number(u.user_id)),
      [a.id]
    )

    // The 管户人 sees it; another branch does not (404).
    const listed = await client.get('/api/inspections/tasks?perPage=200').bearerToken(a.token)
    assert.isTrue(listed.body().data.some((t: any) => t.id === Number(mine[0].id)))
    ;(await client.get(`/api/inspections/tasks/${mine[0].id}`).bearerToken(a.token)).assertStatus(
      200
    )
    ;(
      await client
        .get(`/api/inspections/tasks/${mine[0].id}`)
        .bearerToken(book.people.otherBranchManager.token)
    ).assertStatus(404)
  })

  test('a manager without the permission is skipped for an eligible colleague at the org', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const sub1 = book.orgs.subBranches[0]
    const b = book.people.accountManagerB
    await revoke(b.id, 'inspections:result:create')
    const loan = await bookLoan({ orgId: sub1, fiveClass: 'loss', managerId: b.id })
    const plan = await client
      .post('/api/inspections/plans')
      .bearerToken(book.people.headOfficeRisk.token)
      .json({ name: '损失类季度检查', frequency: 'quarterly', fiveClass: 'loss', items: ['loan'] })
    plan.assertStatus(201)
    await generateTasks({ planId: plan.body().id, asOf: '2026-05-15' })
    const task = await db
      .from('insp_tasks')
      .where('plan_id', plan.body().id)
      .where('customer_id', loan.customerId)
      .firstOrFail()
    assert.equal(task.period_key, '2026Q2')
    // accountManagerA (仅本人) does not have B's customer in scope; the 支行 clerk does.
    assert.equal(Number(task.assignee_id), book.people.subBranchClerk.id)
    // B cannot record the result (no permission: 403).
    ;(
      await client
        .post(`/api/inspections/tasks/${task.id}/result`)
        .bearerToken(b.token)
        .json({ answers: [], finding: 'normal', conclusion: '正常' })
    ).assertStatus(403)
  })

  test('bad plans are 422 with field messages; unknown fields refused', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const token = book.people.headOfficeRisk.token
    const post = (body: object) =>
      client.post('/api/inspections/plans').bearerToken(token).json(body)
    const base = { name: '计划', frequency: 'quarterly', items: ['loan'] }
    const freq = await post({ ...base, frequency: 'weekly' })
    freq.assertStatus(422)
    assert.equal(freq.body().errors[0].field, 'frequency')
    const band = await post({ ...base, minBalance: '200.00', maxBalance: '100.00' })
    band.assertStatus(422)
    assert.equal(band.body().errors[0].field, 'maxBalance')
    const money = await post({ ...base, minBalance: '1.234' })
    money.assertStatus(422)
    const unknown = await post({ ...base, owner: 'x' })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'owner')
    const item = await post({ ...base, items: ['weather'] })
    item.assertStatus(422)
    assert.equal(
      await db
        .from('insp_plans')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )
  })
})
