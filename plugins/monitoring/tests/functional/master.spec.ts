import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { bookApi } from '../../../credit-assets/services/book_api.js'
import { bookLookups } from '../../../credit-assets/services/book_lookups.js'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'

/*
| 客户中心 master data: differences against our copy shown first; only the
| values the clerk saw are applied (409 when 客户中心 changed since); audited;
| the customer in scope (404 otherwise); 客户中心 down is a 503 with a message.
*/
const CODES = ['monitoring:master:list', 'monitoring:master:apply']
const masterEvents = (customerId: number) =>
  db
    .from(bookLookups.riskEvents.table)
    .where('customer_id', customerId)
    .where('event_type', 'monitoring.master')

test.group('monitoring: 客户中心 master data', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  test('differences shown, accepted ones applied, then none left; audited', async ({
    client,
    assert,
  }) => {
    const book = await buildBook({ permissions: CODES })
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const token = book.people.branchManager.token
    const url = `/api/monitoring/customers/${loans.substandard.customerId}/master`
    const compared = await client.get(url).bearerToken(token)
    compared.assertStatus(200)
    const diff = compared.body().differences
    // Our copy starts as the book's name: 客户中心 adds the phone, address and legal representative.
    assert.sameMembers(
      diff.map((d: any) => d.field),
      ['phone', 'address', 'legalRepresentative']
    )
    assert.isTrue(diff.every((d: any) => d.local === null && d.remote))
    const phone = diff.find((d: any) => d.field === 'phone').remote

    // A value the centre does not hold (changed since the comparison): nothing applied.
    const stale = await client
      .post(url)
      .bearerToken(token)
      .json({ changes: { phone: '10000000000' } })
    stale.assertStatus(409)
    ;(
      await client
        .post(url)
        .bearerToken(token)
        .json({ changes: { fax: '1' } })
    ).assertStatus(422)
    ;(await client.post(url).bearerToken(token).json({ changes: {} })).assertStatus(422)

    const applied = await client.post(url).bearerToken(token).json({ changes: { phone } })
    applied.assertStatus(200)
    assert.equal(applied.body().after.phone, phone)
    const again = await client.get(url).bearerToken(token)
    assert.sameMembers(
      again.body().differences.map((d: any) => d.field),
      ['address', 'legalRepresentative']
    )
    const audits = await db
      .from('audit_logs')
      .where('action', 'monitoring.master.apply')
      .where('entity_id', String(loans.substandard.customerId))
    assert.lengthOf(audits, 1)
  })

  test('a new name from 客户中心 goes into the book through credit-assets, with a timeline event', async ({
    client,
    assert,
  }) => {
    const book = await buildBook({ permissions: CODES })
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const token = book.people.branchManager.token
    const customerId = loans.substandard.customerId
    const customer = await bookApi.customers.byId(customerId)
    sim.overrideProfile(customer!.customerNo, { name: '新名称实业有限公司' })
    const url = `/api/monitoring/customers/${customerId}/master`
    const compared = await client.get(url).bearerToken(token)
    compared.assertStatus(200)
    const name = compared.body().differences.find((d: any) => d.field === 'name')
    // Before: the book's name; after: the centre's.
    assert.deepEqual(name, { field: 'name', local: customer!.name, remote: '新名称实业有限公司' })

    const applied = await client
      .post(url)
      .bearerToken(token)
      .json({ changes: { name: '新名称实业有限公司' } })
    applied.assertStatus(200)
    assert.deepEqual(applied.body().bookChanged, [
      { field: 'name', before: customer!.name, after: '新名称实业有限公司' },
    ])
    assert.equal((await bookApi.customers.byId(customerId))!.name, '新名称实业有限公司')
    const events = await masterEvents(customerId)
    assert.lengthOf(events, 1)
    assert.equal(JSON.parse(events[0].before_json).customerName, customer!.name)
    assert.isNull(events[0].loan_id)
    const again = await client.get(url).bearerToken(token)
    assert.notInclude(
      again.body().differences.map((d: any) => d.field),
      'name'
    )
    assert.lengthOf(
      await db
        .from('audit_logs')
        .where('action', 'monitoring.master.apply')
        .where('entity_id', String(customerId)),
      1
    )

    // The same name again: nothing changes in the book, no second event.
    const phone = again.body().differences.find((d: any) => d.field === 'phone').remote
    await client.post(url).bearerToken(token).json({ changes: { phone } })
    assert.lengthOf(await masterEvents(customerId), 1)
  })

  test('out of scope is 404; 客户中心 down is 503', async ({ client }) => {
    const book = await buildBook({ permissions: CODES })
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const url = `/api/monitoring/customers/${loans.loss.customerId}/master`
    ;(await client.get(url).bearerToken(book.people.branchManager.token)).assertStatus(404)
    ;(
      await client
        .post(url)
        .bearerToken(book.people.branchManager.token)
        .json({ changes: { phone: null } })
    ).assertStatus(404)
    sim.setFaults({ system: 'customer-center', errorRate: 1 })
    ;(await client.get(url).bearerToken(book.people.headOfficeRisk.token)).assertStatus(503)
  })
})
