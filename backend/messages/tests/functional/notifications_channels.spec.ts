import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { notify } from '#core/messages/notify'
import { queue } from '#core/queue/queue'
import { syncConnectors } from '#core/connectors/connector_store'
import { connectorRegistry } from '#core/connectors/registry'
import { resetBreaker } from '#core/connectors/breakers'
import { SMS_INTERFACE, SMS_SYSTEM } from '#core/messages/channels/sms'
import { redispatchStaleDeliveries } from '#core/messages/delivery_dispatch'
import { userWith } from '#tests/helpers/auth'
import { startSmtpServer } from '#tests/helpers/smtp'
import {
  startFakeExternalSystem,
  type FakeExternalSystem,
} from '#tests/helpers/fake_external_system'

/*
| Channels: e-mail over real SMTP (or recorded as skipped when none is
| configured), SMS through the SMS-gateway connector (a real HTTP fake), and a
| failing channel that never undoes the business action that sent it.
*/
async function deliveriesOf(userId: number) {
  for (let i = 0; i < 300; i++) {
    await queue.drain()
    const rows = await db
      .from('message_deliveries as d')
      .join('messages as m', 'm.id', 'd.message_id')
      .where('m.user_id', userId)
      .orderBy('d.channel')
      .select('d.channel', 'd.status', 'd.detail', 'd.attempts')
    if (rows.length && rows.every((r) => r.status === 'sent' || r.status === 'skipped')) return rows
    if (rows.length && rows.some((r) => r.status === 'failed' && Number(r.attempts) >= 3))
      return rows
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('deliveries did not settle')
}

async function userWithContacts() {
  const created = await userWith({ permissions: [] })
  created.user.email = 'li.si@bank.test'
  created.user.phone = '13800000000'
  await created.user.save()
  return created
}

const reminder = (userIds: number[]) => ({
  type: 'deadline.reminder',
  userIds,
  title: '时效提醒：抵押物查封到期',
  body: '该事项将于 2026-10-14 到期',
})

test.group('Messages · channels', (group) => {
  let fake: FakeExternalSystem
  group.each.setup(async () => {
    fake = await startFakeExternalSystem()
    const rollback = await testUtils.db().withGlobalTransaction()
    await syncConnectors()
    await db.from('connector_systems').where('code', SMS_SYSTEM).update({ base_url: fake.url })
    resetBreaker(SMS_SYSTEM)
    return async () => {
      await queue.drain()
      await rollback()
      resetBreaker(SMS_SYSTEM)
      await fake.close()
    }
  })

  test('the SMS gateway is the messaging connector declared by a plugin', ({ assert }) => {
    assert.exists(connectorRegistry.interface(SMS_SYSTEM, SMS_INTERFACE))
  })

  test('without SMTP e-mail is skipped, SMS goes to the gateway once per delivery', async ({
    assert,
  }) => {
    const { user } = await userWithContacts()
    await notify(reminder([user.id]))
    const rows = await deliveriesOf(user.id)
    assert.deepEqual(
      rows.map((r) => [r.channel, r.status, r.detail]),
      [
        ['email', 'skipped', 'SMTP 未配置'],
        ['sms', 'sent', null],
      ]
    )
    assert.lengthOf(fake.log, 1)
    assert.equal(fake.log[0].path, '/sms')
    assert.deepEqual(fake.log[0].body, {
      phone: '13800000000',
      text: '【风险资产管理】时效提醒：抵押物查封到期',
    })
    assert.match(String(fake.log[0].headers['idempotency-key']), /^message-delivery-\d+$/)
  })

  test('with SMTP configured the e-mail arrives, with HTML and text parts', async ({ assert }) => {
    const smtp = await startSmtpServer()
    try {
      const { user } = await userWithContacts()
      await notify({
        ...reminder([user.id]),
        data: { facts: [{ label: '到期日', value: '2026-10-14' }] },
      })
      const rows = await deliveriesOf(user.id)
      assert.deepEqual(
        rows.map((r) => [r.channel, r.status]),
        [
          ['email', 'sent'],
          ['sms', 'sent'],
        ]
      )
      const [mail] = await smtp.waitForMail(1)
      assert.equal(mail.subject, '时效提醒：抵押物查封到期')
      assert.include(String(mail.html), '到期日：2026-10-14')
      assert.include(String(mail.html), '<table')
      assert.include(mail.text ?? '', '到期日：2026-10-14')
    } finally {
      await smtp.stop()
    }
  })

  test('a failing gateway is retried, then recorded failed; the business change stays', async ({
    assert,
  }) => {
    fake.knobs.down = true
    const { user } = await userWithContacts()
    await db.transaction(async (trx) => {
      await trx.from('users').where('id', user.id).update({ real_name: '业务已变更' })
      await notify(reminder([user.id]), { trx })
    })
    const rows = await deliveriesOf(user.id)
    const sms = rows.find((r) => r.channel === 'sms')!
    assert.equal(sms.status, 'failed')
    assert.equal(Number(sms.attempts), 3)
    assert.equal((await db.from('users').where('id', user.id).first()).real_name, '业务已变更')
    assert.equal((await db.from('messages').where('user_id', user.id)).length, 1)
  })

  test('a delivery whose dispatch was lost is sent by the safety net', async ({ assert }) => {
    const { user } = await userWithContacts()
    const [messageId] = await db.table('messages').insert({
      user_id: user.id,
      type: 'deadline.reminder',
      title: '时效提醒：丢失的派发',
      created_at: '2026-01-05 09:00:00',
    })
    await db.table('message_deliveries').insert({
      message_id: messageId,
      channel: 'sms',
      status: 'queued',
      attempts: 0,
      created_at: '2026-01-05 09:00:00',
      updated_at: '2026-01-05 09:00:00',
    })
    assert.equal(await redispatchStaleDeliveries(), 1)
    const rows = await deliveriesOf(user.id)
    assert.deepEqual(
      rows.map((r) => [r.channel, r.status]),
      [['sms', 'sent']]
    )
    assert.lengthOf(fake.log, 1)
    assert.equal(await redispatchStaleDeliveries(), 0)
  })

  test('a user without a phone gets no SMS (skipped, not failed)', async ({ assert }) => {
    const { user } = await userWith({ permissions: [] })
    await notify(reminder([user.id]))
    const rows = await deliveriesOf(user.id)
    assert.deepEqual(
      rows.map((r) => [r.channel, r.status]),
      [
        ['email', 'skipped'],
        ['sms', 'skipped'],
      ]
    )
    assert.lengthOf(fake.log, 0)
  })
})
