import { test } from '@japa/runner'

test.group('Health', () => {
  test('reports the live database and queue driver', async ({ client, assert }) => {
    const response = await client.get('/api/health')
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.status, 'ok')
    assert.equal(body.database.connection, 'mysql')
    assert.isTrue(body.database.ok)
    assert.equal(body.queue.driver, 'bullmq')
    assert.isTrue(body.queue.ok)
    assert.match(body.version, /^\d+\.\d+\.\d+/)
  })

  test('unknown API paths are JSON 404s, not the console', async ({ client, assert }) => {
    const response = await client.get('/api/does-not-exist')
    response.assertStatus(404)
    assert.equal(response.body().message, '接口不存在')
  })
})
