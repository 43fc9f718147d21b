import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { API, body, draft, maker, otherBranch, securedLoan, useFakedSystems } from '../helpers.js'

/*
| 撤回 a receipt: the maker's draft at once; a pending one through the core
| workflow while no approver has decided a step; the loans free again for a
| new receipt; 409 once past that point, 422 for a colleague or bad input,
| 404 outside the scope; audited.
*/
const instanceOf = (id: number) =>
  db
    .from('wf_instances')
    .where('type_code', 'foreclosure:receipt')
    .where('business_id', String(id))
    .orderBy('id', 'desc')
    .firstOrFail()

test.group('foreclosure: 撤回', (group) => {
  useFakedSystems(group)

  test('a draft: withdrawn, its loan free for a new receipt, audited; twice = 409', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const { id } = await draft(client, me.token, await body(loan))
    // A second receipt for the same loan waits while the draft holds it.
    ;(
      await client
        .post(`${API}/receipts`)
        .bearerToken(me.token)
        .json(await body(loan))
    ).assertStatus(409)
    const withdraw = (token: string, json: Record<string, unknown> = {}) =>
      client.post(`${API}/receipts/${id}/withdraw`).bearerToken(token).json(json)

    // Bad input, a colleague, another branch: refused, nothing moves.
    ;(await withdraw(me.token, { comment: 'x'.repeat(501) })).assertStatus(422)
    ;(await withdraw(me.token, { hacked: 1 })).assertStatus(422)
    const colleague = await maker()
    ;(await withdraw(colleague.token)).assertStatus(422)
    const other = await otherBranch()
    ;(await withdraw(other.token)).assertStatus(404)
    assert.equal((await db.from('foreclosure_receipts').where('id', id).first()).status, 'draft')

    const done = await withdraw(await tokenFor(me.user.username), { comment: '资料有误，重新发起' })
    done.assertStatus(200)
    assert.equal(done.body().status, 'withdrawn')
    assert.lengthOf(await db.from('foreclosure_locks').where('receipt_id', id), 0)
    const log = await db
      .from('audit_logs')
      .where('action', 'foreclosure.receipt.withdraw')
      .where('entity_id', String(id))
      .firstOrFail()
    assert.include(String(log.after_json), '资料有误')
    ;(await withdraw(await tokenFor(me.user.username))).assertStatus(409)
    // The loan is free again (another session: the same request within 2 s is 防重复提交's).
    await draft(client, await tokenFor(me.user.username), await body(loan))
  })

  test('pending: withdrawn through the workflow before any approval; not after one', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const { id } = await draft(client, me.token, await body(loan))
    ;(await client.post(`${API}/receipts/${id}/submit`).bearerToken(me.token)).assertStatus(200)
    const pending = await client
      .post(`${API}/receipts/${id}/withdraw`)
      .bearerToken(me.token)
      .json({ comment: '债务人愿意现金清偿' })
    pending.assertStatus(200)
    assert.equal(pending.body().status, 'withdrawn')
    const instance = await instanceOf(id)
    assert.equal(instance.status, 'withdrawn')
    assert.lengthOf(await db.from('foreclosure_locks').where('receipt_id', id), 0)
    // No approver is left with a task on it.
    const open = await db
      .from('wf_tasks')
      .where('instance_id', instance.id)
      .where('status', 'pending')
    assert.lengthOf(open, 0)

    // Another receipt for the loan, approved by the branch (its only step below 1,000,000.00): past 撤回.
    const again = await tokenFor(me.user.username)
    const second = (await draft(client, again, await body(loan))).id as number
    ;(await client.post(`${API}/receipts/${second}/submit`).bearerToken(again)).assertStatus(200)
    const step = await instanceOf(second)
    ;(
      await client
        .post(`/api/workflow/instances/${step.id}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意' })
    ).assertStatus(200)
    const late = await client.post(`${API}/receipts/${second}/withdraw`).bearerToken(again).json({})
    late.assertStatus(409)
    assert.include(late.body().message, '已审批或已入账，不能撤回')
    assert.equal(
      (await db.from('foreclosure_receipts').where('id', second).first()).status,
      'approved'
    )
  })
})
