import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'

/*
| Defect 12 · repeat submit and floods: the duplicate guard compares the parsed
| body (a trailing space or another key order is the same change), and a person
| cannot flood the queue with export jobs.
*/
const base = () => `http://${process.env.HOST}:${process.env.PORT}`

test.group('Security · repeat submit and export floods', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the same change re-sent with other whitespace or key order is refused', async ({
    assert,
  }) => {
    const holder = await userWith({ permissions: ['system:setting:update'] })
    const send = (raw: string) =>
      fetch(`${base()}/api/system/settings/system.bank.name`, {
        method: 'PUT',
        headers: { 'authorization': `Bearer ${holder.token}`, 'content-type': 'application/json' },
        body: raw,
      })
    assert.equal((await send('{"value":"第三银行"}')).status, 200)
    const spaced = await send('{ "value" : "第三银行" }   \n')
    assert.equal(spaced.status, 409)
    assert.equal(((await spaced.json()) as any).code, 'REPEAT_SUBMIT')
  })

  test('a person starting export after export is stopped at the limit (429)', async ({
    client,
    assert,
  }) => {
    const clerk = await userWith({
      permissions: ['system:audit:export', 'system:audit:login-log'],
    })
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const response = await client
        .post('/api/system/audit/login-logs/export')
        .bearerToken(clerk.token)
        .json({ username: `user${i}` })
      statuses.push(response.status())
      if (response.status() === 429) assert.match(response.body().message, /导出任务发起过于频繁/)
    }
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429, 429])
    // Another person is not held back by the first one's flood.
    const other = await userWith({ permissions: ['system:audit:export', 'system:audit:login-log'] })
    ;(
      await client.post('/api/system/audit/login-logs/export').bearerToken(other.token).json({})
    ).assertStatus(202)
  })
})
