import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { dbNow } from '#core/db/db_time'
import { dbTimeMs } from '#core/connectors/times'

/*
| 数据监控 · GET /metrics: Prometheus text behind its own bearer token; absent
| (404) when no token is configured.
*/
const TOKEN = 'metrics-test-token-0123456789'
const SYSTEM = 'metrics-probe'

const sample = (text: string, line: RegExp) => text.split('\n').find((l) => line.test(l))

test.group('Metrics (Prometheus)', (group) => {
  group.each.teardown(async () => {
    env.set('METRICS_TOKEN', '')
    await db.from('outbox_messages').where('system_code', SYSTEM).delete()
  })

  test('no token configured: the endpoint does not exist', async ({ client }) => {
    env.set('METRICS_TOKEN', '')
    const response = await client.get('/metrics')
    response.assertStatus(404)
  })

  test('a missing or wrong token is refused', async ({ client, assert }) => {
    env.set('METRICS_TOKEN', TOKEN)
    const none = await client.get('/metrics')
    none.assertStatus(401)
    assert.equal(none.header('www-authenticate'), 'Bearer realm="metrics"')
    const wrong = await client.get('/metrics').header('Authorization', `Bearer ${TOKEN}x`)
    wrong.assertStatus(401)
    const almost = await client.get('/metrics').header('Authorization', TOKEN)
    almost.assertStatus(401)
  })

  test('reports latency by route pattern, the outbox backlog, jobs and the pool', async ({
    client,
    assert,
  }) => {
    env.set('METRICS_TOKEN', TOKEN)
    await client.get('/api/health')
    await client.get('/api/health')
    const pending = (n: number) => ({
      idempotency_key: `metrics-probe:${n}`,
      system_code: SYSTEM,
      interface_code: 'posting',
      payload: '{}',
      status: n < 3 ? 'pending' : 'dead',
      attempts: 0,
      next_attempt_at: dbTimeMs(),
      created_at: dbNow(),
    })
    await db.table('outbox_messages').multiInsert([1, 2, 3].map(pending))

    const response = await client.get('/metrics').header('Authorization', `Bearer ${TOKEN}`)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
    const text = response.text()

    const count = sample(
      text,
      /^ram_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="2xx"\}/
    )
    assert.isDefined(count, text)
    assert.isAtLeast(Number(count!.split(' ').pop()), 2)
    const inf = sample(
      text,
      /^ram_http_request_duration_seconds_bucket\{method="GET",route="\/api\/health",status="2xx",le="\+Inf"\}/
    )
    assert.equal(
      inf!.split(' ').pop(),
      count!.split(' ').pop(),
      'the +Inf bucket holds every request'
    )

    assert.equal(
      sample(text, new RegExp(`^ram_outbox_messages\\{system="${SYSTEM}",status="pending"\\}`)),
      `ram_outbox_messages{system="${SYSTEM}",status="pending"} 2`
    )
    assert.equal(
      sample(text, new RegExp(`^ram_outbox_messages\\{system="${SYSTEM}",status="dead"\\}`)),
      `ram_outbox_messages{system="${SYSTEM}",status="dead"} 1`
    )
    assert.isDefined(sample(text, /^ram_jobs\{status="queued"\} \d+$/))
    assert.isDefined(
      sample(text, /^ram_db_pool_connections\{connection="mysql",state="used"\} \d+$/)
    )
    assert.include(text, '# TYPE ram_http_request_duration_seconds histogram')
  })

  test('ids in URLs never become series: the label is the route pattern', async ({
    client,
    assert,
  }) => {
    env.set('METRICS_TOKEN', TOKEN)
    await client.get('/api/jobs/123456789')
    const text = (await client.get('/metrics').header('Authorization', `Bearer ${TOKEN}`)).text()
    assert.notInclude(text, '123456789')
    assert.include(text, 'route="/api/jobs/:id"')
  })
})
