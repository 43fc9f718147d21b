import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { resetKeysForTests } from '#core/security/sensitive/keys'
import { bookLoan } from '../../../plugins/credit-assets/fixtures/book_fixture.js'
import { bookApi } from '../../../plugins/credit-assets/services/book_api.js'

/*
| Sensitive fields (docs/security.md "Sensitive fields: masking and encryption at
| rest"): 证件号码 are masked in lists and by-id reads, revealed only by a separate
| request that needs credit-assets:customer:unmask and writes an audit row; the
| table holds ciphertext and a blind index, never the clear number; exact search
| by the clear number still finds the customer; a wrong key fails closed.
*/
const CLEAR = '110101199001011234'
const MASKED = '110101********1234'
const VIEW = 'customer-view:customer:list'
const UNMASK = 'credit-assets:customer:unmask'

async function bookCustomer(orgCode = '110101') {
  const loan = await bookLoan({ orgCode, idNo: CLEAR, customerName: '脱敏测试客户' })
  return loan.customerId
}

const unmask = (client: any, id: number, token: string) =>
  client.post(`/api/credit-assets/customers/${id}/unmask`).bearerToken(token)

test.group('Security · sensitive fields masked and encrypted at rest', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the row holds no clear ID number: masked text, ciphertext, blind index', async ({
    assert,
  }) => {
    const id = await bookCustomer()
    const row = await db.from('ca_customers').where('id', id).firstOrFail()
    assert.equal(row.id_no, MASKED)
    assert.match(row.id_no_enc, /^v1:/)
    assert.match(row.id_no_hash, /^[0-9a-f]{64}$/)
    for (const value of Object.values(row)) assert.notInclude(String(value), CLEAR)
  })

  test('lists, by-id reads and book_api show the masked number', async ({ client, assert }) => {
    const id = await bookCustomer()
    const viewer = await userWith({ permissions: [VIEW], dataScope: 'all' })
    const list = await client
      .get('/api/customer-view/customers')
      .qs({ keyword: '脱敏测试客户' })
      .bearerToken(viewer.token)
    list.assertStatus(200)
    const listed = list.body().data.find((r: any) => r.id === id)
    assert.equal(listed.idNo, MASKED)
    assert.notInclude(JSON.stringify(list.body()), CLEAR)

    const byId = await client.get(`/api/customer-view/customers/${id}`).bearerToken(viewer.token)
    byId.assertStatus(200)
    assert.include(JSON.stringify(byId.body()), MASKED)
    assert.notInclude(JSON.stringify(byId.body()), CLEAR)

    const fromApi = await bookApi.customers.byId(id)
    assert.equal(fromApi?.idNo, MASKED)
  })

  test('综合查询 shows the masked number, never the clear one', async ({ client, assert }) => {
    await bookLoan({ idNo: CLEAR, customerName: '脱敏查询客户', riskAsset: true })
    const admin = await tokenFor('admin')
    const response = await client
      .post('/api/query/run')
      .bearerToken(admin)
      .json({
        query: {
          dataset: 'credit-assets:risk-assets',
          fields: ['loanNo', 'idNo'],
          where: {
            logic: 'and',
            items: [{ field: 'customerName', op: 'like', value: '脱敏查询客户' }],
          },
        },
      })
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((r: any) => r.idNo),
      [MASKED]
    )
    assert.notInclude(JSON.stringify(response.body()), CLEAR)
  })

  test('exact search by the clear ID number finds the customer, a part does not', async ({
    client,
    assert,
  }) => {
    const id = await bookCustomer()
    const viewer = await userWith({ permissions: [VIEW], dataScope: 'all' })
    const search = (keyword: string) =>
      client.get('/api/customer-view/customers').qs({ keyword }).bearerToken(viewer.token)
    const found = await search(CLEAR)
    found.assertStatus(200)
    assert.deepEqual(
      found.body().data.map((r: any) => r.id),
      [id]
    )
    assert.equal((await search(CLEAR.slice(0, 12))).body().meta.total, 0)
    assert.equal((await search(MASKED)).body().meta.total, 0)
    const page = await bookApi.customers.search({ keyword: CLEAR })
    assert.deepEqual(
      page.data.map((c) => c.id),
      [id]
    )
  })

  test('unmask needs the permission and the scope, and writes an audit row', async ({
    client,
    assert,
  }) => {
    const id = await bookCustomer('110101')
    const noPermission = await userWith({ permissions: [VIEW], dataScope: 'all' })
    ;(await unmask(client, id, noPermission.token)).assertStatus(403)

    const otherBranch = await userWith({
      permissions: [UNMASK],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    ;(await unmask(client, id, otherBranch.token)).assertStatus(404)

    const hq = await userWith({ permissions: [UNMASK], dataScope: 'all' })
    const revealed = await unmask(client, id, hq.token)
    revealed.assertStatus(200)
    assert.equal(revealed.body().idNo, CLEAR)

    const rows = await db
      .from('audit_logs')
      .where('action', 'credit-assets.customer.unmask')
      .where('entity_id', String(id))
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].user_id, hq.user.id)
    assert.equal(rows[0].result, 'success')
    assert.notInclude(JSON.stringify(rows[0]), CLEAR)
  })

  test('a wrong data key fails closed: 503, no value, a failure row', async ({
    client,
    assert,
  }) => {
    const id = await bookCustomer()
    const hq = await userWith({ permissions: [UNMASK], dataScope: 'all' })
    const saved = process.env.DATA_ENCRYPTION_KEY
    process.env.DATA_ENCRYPTION_KEY = 'cd'.repeat(32)
    resetKeysForTests()
    try {
      const response = await unmask(client, id, hq.token)
      response.assertStatus(503)
      assert.notInclude(JSON.stringify(response.body()), CLEAR)
      assert.isString(response.body().message)
    } finally {
      if (saved === undefined) delete process.env.DATA_ENCRYPTION_KEY
      else process.env.DATA_ENCRYPTION_KEY = saved
      resetKeysForTests()
    }
    const failure = await db
      .from('audit_logs')
      .where('action', 'credit-assets.customer.unmask')
      .where('entity_id', String(id))
      .first()
    assert.equal(failure?.result, 'failure')
  })
})
