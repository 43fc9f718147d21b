import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { dbNow } from '#core/db/db_time'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { revoke, withSimulator } from './helpers.js'

/*
| 客户视图 › 日常检查: one customer's tasks and batch-check results, in the
| caller's scope only (the customer out of scope is 404; another customer's
| checks never appear); the panel's permission is the task list's.
*/
test.group('inspections: 客户视图 panel', (group) => {
  withSimulator(group)

  async function batchResult(customer: { customerId: number; orgId: number }, no: string) {
    const [batchId] = await db.table('insp_batches').insert({
      batch_no: no,
      filter: '{}',
      items: '["loan"]',
      total: 1,
      done: 1,
      status: 'completed',
      org_id: customer.orgId,
      created_by: 1,
      created_at: dbNow(),
      updated_at: dbNow(),
    })
    await db.table('insp_batch_items').insert({
      batch_id: batchId,
      customer_id: customer.customerId,
      customer_no: `C-${no}`,
      customer_name: '张三',
      customer_type: 'individual',
      org_id: customer.orgId,
      manager_id: null,
      status: 'done',
      attempts: 1,
      finding: 'attention',
      conclusion: '收入下降，需关注',
      inspector: '王五',
      checked_on: '2026-03-14',
    })
    return Number(batchId)
  }

  test('a customer’s tasks and batch results; out of scope 404; permission', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const orgId = book.orgs.subBranches[0]
    const mine = await bookLoan({ orgId })
    const other = await bookLoan({ orgId })
    const token = book.people.branchManager.token
    const created = await client
      .post('/api/inspections/tasks')
      .bearerToken(token)
      .json({ customerId: mine.customerId, items: ['loan'], dueOn: '2026-03-31', reason: '逾期' })
    created.assertStatus(201)
    await client
      .post('/api/inspections/tasks')
      .bearerToken(token)
      .json({ customerId: other.customerId, items: ['loan'], dueOn: '2026-03-30', reason: '其他' })
    const batchId = await batchResult({ customerId: mine.customerId, orgId }, 'PL202603140001')
    await batchResult({ customerId: other.customerId, orgId }, 'PL202603140002')

    const url = `/api/inspections/customers/${mine.customerId}/results`
    const shown = await client.get(url).bearerToken(token)
    shown.assertStatus(200)
    assert.deepEqual(
      shown.body().tasks.map((t: any) => [t.taskNo, t.kind, t.status, t.dueOn]),
      [[created.body().taskNo, 'adhoc', 'open', '2026-03-31']]
    )
    assert.deepEqual(
      shown.body().batchChecks.map((b: any) => [b.batchId, b.finding, b.inspector, b.checkedOn]),
      [[batchId, 'attention', '王五', '2026-03-14']]
    )

    // Another branch's manager: the customer is not theirs.
    ;(await client.get(url).bearerToken(book.people.otherBranchManager.token)).assertStatus(404)
    ;(
      await client.get('/api/inspections/customers/999999999/results').bearerToken(token)
    ).assertStatus(404)
    ;(await client.get('/api/inspections/customers/abc/results').bearerToken(token)).assertStatus(
      404
    )
    await revoke(book.people.branchManager.id, 'inspections:task:list')
    ;(await client.get(url).bearerToken(token)).assertStatus(403)
  })
})
