import { test } from '@japa/runner'
import { parseSentinels, redisConfigured, redisOptionsFrom } from '#core/queue/redis_options'

test.group('Redis options', () => {
  test('one server by default', ({ assert }) => {
    assert.deepEqual(redisOptionsFrom({ host: 'r1', port: 6380, password: 'p' }), {
      host: 'r1',
      port: 6380,
      password: 'p',
    })
    assert.isFalse(redisConfigured({}))
    assert.isTrue(redisConfigured({ host: 'r1' }))
  })

  test('sentinels name the primary and win over REDIS_HOST', ({ assert }) => {
    const options = redisOptionsFrom({
      host: 'ignored',
      sentinels: '127.0.0.1:26379, 127.0.0.1:26380,[::1]:26381',
      sentinelName: 'ram',
    })
    assert.deepEqual(options.sentinels, [
      { host: '127.0.0.1', port: 26379 },
      { host: '127.0.0.1', port: 26380 },
      { host: '::1', port: 26381 },
    ])
    assert.equal(options.name, 'ram')
    assert.isUndefined(options.host)
    assert.isTrue(redisConfigured({ sentinels: '127.0.0.1:26379' }))
  })

  test('a malformed sentinel is refused at boot, not guessed', ({ assert }) => {
    assert.throws(() => parseSentinels('127.0.0.1'), /not host:port/)
    assert.throws(() => parseSentinels('h:0'), /not host:port/)
    assert.throws(() => parseSentinels('h:70000'), /not host:port/)
  })
})
