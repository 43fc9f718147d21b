import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import {
  itemFor,
  registerItemKind,
  submitItem,
  withdrawItem,
} from '../../services/committee_api.js'
import { item, orgIdOf, registerTestKinds } from '../committee_helpers.js'

/*
| The public service other plugins call: kinds registered with a label and a
| callback, items submitted in the caller's transaction (strictly validated, one
| open item per record), looked up by the record, and read in the data scope.
*/
async function failure(fn: () => Promise<unknown>): Promise<any> {
  try {
    await fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

test.group('committee api: kinds and items', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.setup(() => registerTestKinds())

  test('a kind is "<plugin>:<name>" with zh/en label and a callback', async ({ assert }) => {
    const onDecided = async () => {}
    assert.throws(
      () => registerItemKind('WriteOff', { label: { zh: 'a', en: 'a' }, onDecided }),
      /<plugin id>:<name>/
    )
    assert.throws(
      () => registerItemKind('x-y:plan', { label: { zh: 'a', en: '' }, onDecided }),
      /zh and en/
    )
    assert.throws(
      () => registerItemKind('x-y:plan', { label: { zh: 'a', en: 'a' } } as any),
      /onDecided/
    )
  })

  test('submitItem stores the item, its materials and amount in fen; itemFor finds it by the record', async ({
    assert,
  }) => {
    const id = await item('test-writeoff:plan', { amount: '1234567.89' })
    const row = await db.from('committee_items').where('id', id).firstOrFail()
    assert.equal(String(row.amount_fen), '123456789')
    assert.equal(row.status, 'pending')
    const found = await itemFor({ plugin: 'test-writeoff', kind: 'plan', id: row.record_id })
    assert.equal(found?.id, id)
    assert.equal(found?.amount, '1234567.89')
    assert.deepEqual(found?.recordRef, { plugin: 'test-writeoff', kind: 'plan', id: row.record_id })
    assert.isNull(await itemFor({ plugin: 'test-writeoff', kind: 'plan', id: 'nope' }))
    const materials = await db.from('committee_materials').where('item_id', id)
    assert.lengthOf(materials, 1)
    assert.equal(materials[0].file_name, '核销报告.pdf')
  })

  test('refused: unknown kind, a kind of another plugin, a float amount, an unknown field, a second open item', async ({
    assert,
  }) => {
    const orgId = await orgIdOf('000000')
    const base = {
      kind: 'test-writeoff:plan',
      title: '核销方案',
      amount: '100.00',
      recordRef: { plugin: 'test-writeoff', kind: 'plan', id: 'R-1' },
      orgId,
      submittedBy: 1,
    }
    const submit = (input: any) => db.transaction((trx) => submitItem(trx, input))
    const unknown = await failure(() => submit({ ...base, kind: 'test-writeoff:nothing' }))
    assert.equal(unknown.status, 422)
    assert.include(unknown.zh, '未注册')
    const foreign = await failure(() => submit({ ...base, kind: 'test-transfer:batch' }))
    assert.equal(foreign.status, 422)
    const float = await failure(() => submit({ ...base, amount: 100.5 }))
    assert.equal(float.code, 'E_VALIDATION_ERROR')
    const tooPrecise = await failure(() => submit({ ...base, amount: '100.123' }))
    assert.equal(tooPrecise.code, 'E_VALIDATION_ERROR')
    const extra = await failure(() => submit({ ...base, decision: 'passed' }))
    assert.equal(extra.messages[0].field, 'decision')
    await failure(() => submitItem(db as any, base)) // no transaction: refused
    const first = await submit(base)
    const twice = await failure(() => submit(base))
    assert.equal(twice.status, 409)
    await db.transaction((trx) => withdrawItem(trx, first))
    // Withdrawn: the record may be submitted again.
    assert.notEqual(await submit(base), first)
  })

  test('GET /items: the submitting org’s scope; another branch gets 404', async ({
    client,
    assert,
  }) => {
    const branchA = await orgIdOf('110000')
    const id = await item('test-writeoff:plan', { orgId: branchA })
    const hq = await userWith({ permissions: ['committee:item:list'], dataScope: 'all' })
    const own = await userWith({
      permissions: ['committee:item:list'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const other = await userWith({
      permissions: ['committee:item:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const list = await client.get('/api/committee/items').bearerToken(hq.token)
    list.assertStatus(200)
    assert.include(
      list.body().data.map((i: any) => i.id),
      id
    )
    ;(await client.get(`/api/committee/items/${id}`).bearerToken(own.token)).assertStatus(200)
    ;(await client.get(`/api/committee/items/${id}`).bearerToken(other.token)).assertStatus(404)
    const otherList = await client.get('/api/committee/items').bearerToken(other.token)
    assert.notInclude(
      otherList.body().data.map((i: any) => i.id),
      id
    )
    ;(await client.get('/api/committee/items?status=bogus').bearerToken(hq.token)).assertStatus(422)
  })
})
