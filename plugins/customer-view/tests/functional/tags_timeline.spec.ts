import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { addTag, removeTag } from '../../services/tags.js'
import { bookLookups as book } from '../../../credit-assets/services/book_lookups.js'

/*
| 客户标签 on the risk-asset timeline: each add and remove is one customer-level
| event (no loan) with the tag list before and after and the clerk who did it;
| a no-op (tag already there, or not there) writes nothing. The portrait's
| timeline panel shows them with the operator's name.
*/
const base = '/api/customer-view'

const tagEvents = (customerId: number) =>
  db
    .from(book.riskEvents.table)
    .where('customer_id', customerId)
    .where('event_type', 'tags')
    .orderBy('id')

test.group('customer-view: tag changes are timeline events', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('add and remove through the API each leave one event; the portrait shows them', async ({
    client,
    assert,
  }) => {
    const loan = await bookLoan({ orgCode: '110101', fiveClass: 'loss', riskAsset: true })
    const viewer = await userWith({
      permissions: ['customer-view:customer:list', 'customer-view:customer:tag'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const url = `${base}/customers/${loan.customerId}/tags`
    ;(await client.post(url).json({ tag: 'focus' }).bearerToken(viewer.token)).assertStatus(200)
    ;(await client.post(url).json({ tag: 'litigation' }).bearerToken(viewer.token)).assertStatus(
      200
    )
    ;(await client.delete(`${url}/focus`).bearerToken(viewer.token)).assertStatus(200)

    const today = await businessDate.current()
    const events = await tagEvents(loan.customerId)
    assert.deepEqual(
      events.map((e) => ({
        loanId: e.loan_id,
        date: String(e.business_date).slice(0, 10),
        before: JSON.parse(e.before_json),
        after: JSON.parse(e.after_json),
        operatorId: e.operator_id,
      })),
      [
        {
          loanId: null,
          date: today,
          before: { tags: [] },
          after: { tags: ['focus'] },
          operatorId: viewer.user.id,
        },
        {
          loanId: null,
          date: today,
          before: { tags: ['focus'] },
          after: { tags: ['focus', 'litigation'] },
          operatorId: viewer.user.id,
        },
        {
          loanId: null,
          date: today,
          before: { tags: ['focus', 'litigation'] },
          after: { tags: ['litigation'] },
          operatorId: viewer.user.id,
        },
      ]
    )

    const portrait = await client
      .get(`${base}/customers/${loan.customerId}`)
      .bearerToken(viewer.token)
    portrait.assertStatus(200)
    const shown = portrait.body().timeline.filter((e: any) => e.eventType === 'tags')
    assert.lengthOf(shown, 3)
    assert.deepEqual(shown[0].after, { tags: ['litigation'] }, 'newest first')
    assert.equal(shown[0].operatorName, viewer.user.realName)
  })

  test('a tag already there, or not there, writes no event', async ({ assert }) => {
    const loan = await bookLoan({ orgCode: '110101' })
    const admin = await db.from('users').where('username', 'admin').first()
    assert.isTrue(await addTag(loan.customerId, 'focus', admin.id))
    assert.isFalse(await addTag(loan.customerId, 'focus', admin.id))
    assert.isFalse(await removeTag(loan.customerId, 'litigation', admin.id))
    assert.lengthOf(await tagEvents(loan.customerId), 1)
    assert.isTrue(await removeTag(loan.customerId, 'focus', admin.id))
    assert.lengthOf(await tagEvents(loan.customerId), 2)
  })
})
