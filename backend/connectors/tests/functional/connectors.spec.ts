import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { connectorRegistry } from '#core/connectors/registry'
import { syncConnectors } from '#core/connectors/connector_store'
import { resetBreaker } from '#core/connectors/breakers'
import { call } from '#core/connectors/http_connector'
import { ConnectorError } from '#core/connectors/connector_error'
import { tokenFor, userWith } from '#tests/helpers/auth'
import {
  startFakeExternalSystem,
  type FakeExternalSystem,
} from '#tests/helpers/fake_external_system'

/*
| 服务管理 and the HTTP connector, over real sockets against a fake external
| system on loopback: retries, timeouts, the circuit breaker, switches, the
| masked call log, the OpenAPI description and the permission of every route.
*/
const SYSTEM = 'test-fake'
const BREAKER_SYSTEM = 'test-breaker'

if (!connectorRegistry.has(SYSTEM)) {
  connectorRegistry.defineSystem({
    code: SYSTEM,
    name: { zh: '测试外部系统', en: 'Test system' },
    owner: '科技部',
    interfaces: [
      {
        code: 'echo',
        name: { zh: '回显', en: 'Echo' },
        direction: 'outbound',
        method: 'POST',
        path: '/echo',
        request: { type: 'object' },
        response: { type: 'object' },
      },
      {
        code: 'lookup',
        name: { zh: '查询', en: 'Lookup' },
        direction: 'outbound',
        method: 'GET',
        path: '/lookup',
      },
      {
        code: 'posting',
        name: { zh: '记账', en: 'Posting' },
        direction: 'outbound',
        method: 'POST',
        path: '/postings',
        moneyChanging: true,
        request: { type: 'object', properties: { amount: { type: 'string' } } },
      },
      {
        code: 'notify',
        name: { zh: '回调通知', en: 'Callback' },
        direction: 'inbound',
        method: 'POST',
        path: '/notify',
      },
    ],
  })
  connectorRegistry.defineSystem({
    code: BREAKER_SYSTEM,
    name: { zh: '熔断测试系统', en: 'Breaker test system' },
    owner: '科技部',
    breaker: { consecutiveFailures: 3, halfOpenAfterMs: 60_000 },
    interfaces: [
      {
        code: 'lookup',
        name: { zh: '查询', en: 'Lookup' },
        direction: 'outbound',
        method: 'GET',
        path: '/lookup',
      },
    ],
  })
}

async function pointAt(system: string, url: string) {
  await syncConnectors()
  await db.from('connector_systems').where('code', system).update({ base_url: url })
  resetBreaker(system)
}

async function failure(work: Promise<unknown>): Promise<ConnectorError> {
  try {
    await work
  } catch (error) {
    if (error instanceof ConnectorError) return error
    throw error
  }
  throw new Error('expected a ConnectorError')
}

test.group('Connectors · HTTP client', (group) => {
  let fake: FakeExternalSystem
  group.each.setup(async () => {
    fake = await startFakeExternalSystem()
    const rollback = await testUtils.db().withGlobalTransaction()
    await pointAt(SYSTEM, fake.url)
    return async () => {
      await rollback()
      await fake.close()
    }
  })

  test('an idempotent call is retried with back-off until it succeeds', async ({ assert }) => {
    fake.knobs.failNext = 2
    const result = await call<{ ok: boolean }>(SYSTEM, 'lookup', null, {
      correlationId: 'corr-retry',
      backoffMs: 5,
    })
    assert.isTrue(result.ok)
    assert.equal(fake.total, 3)
    const rows = await db
      .from('connector_calls')
      .where('correlation_id', 'corr-retry')
      .orderBy('attempt')
    assert.deepEqual(
      rows.map((r) => [r.attempt, r.status, r.http_status]),
      [
        [1, 'failure', 500],
        [2, 'failure', 500],
        [3, 'success', 200],
      ]
    )
  })

  test('a POST without an idempotency key is tried once', async ({ assert }) => {
    fake.knobs.failNext = 1
    const error = await failure(call(SYSTEM, 'echo', { a: 1 }, { backoffMs: 5 }))
    assert.equal(error.kind, 'http')
    assert.equal(error.httpStatus, 500)
    assert.equal(fake.total, 1)
  })

  test('a slow answer ends as a timeout error, never a raw fetch error', async ({ assert }) => {
    fake.knobs.timeoutRate = 1
    fake.knobs.slowMs = 400
    const error = await failure(call(SYSTEM, 'echo', { a: 1 }, { timeoutMs: 60 }))
    assert.equal(error.kind, 'timeout')
    assert.equal(error.system, SYSTEM)
  })

  test('an unreachable system is `unavailable`', async ({ assert }) => {
    await fake.close()
    const error = await failure(call(SYSTEM, 'lookup', null, { retries: 0 }))
    assert.equal(error.kind, 'unavailable')
  })

  test('a money-changing interface refuses a direct call without a key', async ({ assert }) => {
    await assert.rejects(() => call(SYSTEM, 'posting', { amount: '1.00' }), /outbox/)
    await assert.rejects(() => call(SYSTEM, 'notify', {}), /inbound/)
    assert.equal(fake.total, 0)
  })

  test('the call log keeps masked payloads only', async ({ assert, client }) => {
    await call(SYSTEM, 'echo', {
      idNumber: '110101199001011234',
      mobile: '13812345678',
      password: 'hunter2',
      amount: '1200.00',
    })
    const admin = await tokenFor('admin')
    const response = await client
      .get('/api/system/connectors/calls')
      .qs({ system: SYSTEM, interface: 'echo' })
      .bearerToken(admin)
    response.assertStatus(200)
    const [row] = response.body().data
    assert.equal(response.body().meta.total, 1)
    for (const text of [row.request, row.response]) {
      assert.include(text, '110***********1234')
      assert.include(text, '138****5678')
      assert.notInclude(text, '110101199001011234')
      assert.notInclude(text, 'hunter2')
      assert.include(text, '1200.00')
    }
    // The fake did receive the clear values: masking is for the log, not the call.
    assert.equal((fake.log[0].body as any).idNumber, '110101199001011234')
  })
})

test.group('Connectors · switches, breaker and console API', (group) => {
  let fake: FakeExternalSystem
  group.each.setup(async () => {
    fake = await startFakeExternalSystem()
    const rollback = await testUtils.db().withGlobalTransaction()
    await pointAt(SYSTEM, fake.url)
    await pointAt(BREAKER_SYSTEM, fake.url)
    return async () => {
      await rollback()
      await fake.close()
      resetBreaker(SYSTEM)
      resetBreaker(BREAKER_SYSTEM)
    }
  })

  test('the breaker opens after repeated failures and the list shows it', async ({
    assert,
    client,
  }) => {
    fake.knobs.down = true
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await failure(call(BREAKER_SYSTEM, 'lookup', null, { retries: 0 }))).kind,
        'http'
      )
    const refused = await failure(call(BREAKER_SYSTEM, 'lookup', null, { retries: 0 }))
    assert.equal(refused.kind, 'breaker_open')
    assert.equal(fake.total, 3, 'an open breaker sends nothing')

    const admin = await tokenFor('admin')
    const response = await client.get('/api/system/connectors').bearerToken(admin)
    response.assertStatus(200)
    const system = response.body().data.find((s: any) => s.code === BREAKER_SYSTEM)
    assert.containsSubset(system, {
      health: 'open',
      breakerState: 'open',
      enabled: true,
      lastCall: { status: 'failure', errorKind: 'breaker_open' },
    })
    assert.equal(system.stats.failures24h, 4)
    const stored = await db.from('connector_systems').where('code', BREAKER_SYSTEM).first()
    assert.equal(stored.breaker_state, 'open')
  })

  test('a disabled system or interface is refused before any traffic', async ({
    assert,
    client,
  }) => {
    const admin = await tokenFor('admin')
    ;(
      await client
        .put(`/api/system/connectors/${SYSTEM}`)
        .bearerToken(admin)
        .json({ enabled: false })
    ).assertStatus(200)
    const error = await failure(call(SYSTEM, 'lookup'))
    assert.equal(error.kind, 'disabled')
    assert.match(error.message, /disabled/)

    ;(
      await client
        .put(`/api/system/connectors/${SYSTEM}`)
        .bearerToken(admin)
        .json({ enabled: true })
    ).assertStatus(200)
    ;(
      await client
        .put(`/api/system/connectors/${SYSTEM}/interfaces/lookup`)
        .bearerToken(admin)
        .json({ enabled: false })
    ).assertStatus(200)
    assert.equal((await failure(call(SYSTEM, 'lookup'))).kind, 'disabled')
    await call(SYSTEM, 'echo', { still: 'works' })
    assert.equal(fake.total, 1)

    const list = (await client.get('/api/system/connectors').bearerToken(admin)).body().data
    const system = list.find((s: any) => s.code === SYSTEM)
    assert.isFalse(system.interfaces.find((i: any) => i.code === 'lookup').enabled)
    const audited = await db
      .from('audit_logs')
      .whereIn('action', ['connector.update', 'connector.interface.update'])
      .where('entity_id', 'like', `${SYSTEM}%`)
    assert.lengthOf(audited, 3)
  })

  test('a disabled system shows as 停用 and a base URL must be http(s)', async ({
    assert,
    client,
  }) => {
    const admin = await tokenFor('admin')
    await client.put(`/api/system/connectors/${SYSTEM}`).bearerToken(admin).json({ enabled: false })
    const list = (await client.get('/api/system/connectors').bearerToken(admin)).body().data
    assert.equal(list.find((s: any) => s.code === SYSTEM).health, 'disabled')
    const bad = await client
      .put(`/api/system/connectors/${SYSTEM}`)
      .bearerToken(admin)
      .json({ baseUrl: 'file:///etc/passwd' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'baseUrl')
    ;(
      await client
        .put('/api/system/connectors/no-such-system')
        .bearerToken(admin)
        .json({ enabled: true })
    ).assertStatus(404)
  })

  test('检查 probes the health path and records the status', async ({ assert, client }) => {
    const admin = await tokenFor('admin')
    const up = await client.post(`/api/system/connectors/${SYSTEM}/check`).bearerToken(admin)
    up.assertStatus(200)
    assert.equal(up.body().status, 'up')
    fake.knobs.down = true
    // A second session: the same request twice within seconds is 防重复提交's to refuse.
    const down = await client
      .post(`/api/system/connectors/${SYSTEM}/check`)
      .bearerToken(await tokenFor('admin'))
    assert.containsSubset(down.body(), { status: 'down', httpStatus: 503 })
    const list = (await client.get('/api/system/connectors').bearerToken(admin)).body().data
    assert.containsSubset(
      list.find((s: any) => s.code === SYSTEM),
      {
        health: 'down',
        lastError: 'HTTP 503',
      }
    )
  })

  test('the OpenAPI description is generated from the registry', async ({ assert, client }) => {
    const admin = await tokenFor('admin')
    const response = await client.get('/api/system/connectors/openapi.json').bearerToken(admin)
    response.assertStatus(200)
    const doc = response.body()
    assert.equal(doc.openapi, '3.0.3')
    const posting = doc.paths['/test-fake/postings'].post
    assert.equal(posting.operationId, 'test-fake.posting')
    assert.isTrue(posting['x-money-changing'])
    assert.equal(posting.parameters[0].name, 'Idempotency-Key')
    assert.deepEqual(posting.requestBody.content['application/json'].schema.properties, {
      amount: { type: 'string' },
    })
    assert.equal(doc.paths['/test-fake/notify'].post['x-direction'], 'inbound')
  })

  test('every route needs its permission', async ({ client }) => {
    const nobody = await userWith({ permissions: [] })
    const reader = await userWith({ permissions: ['system:connector:list', 'system:outbox:list'] })
    const routes: Array<[string, string, string[]]> = [
      ['get', '/api/system/connectors', []],
      ['get', '/api/system/connectors/calls', []],
      ['get', '/api/system/connectors/openapi.json', []],
      ['get', '/api/system/outbox', []],
      ['put', `/api/system/connectors/${SYSTEM}`, ['reader']],
      ['put', `/api/system/connectors/${SYSTEM}/interfaces/echo`, ['reader']],
      ['post', `/api/system/connectors/${SYSTEM}/check`, ['reader']],
      ['post', '/api/system/outbox/1/retry', ['reader']],
    ]
    for (const [method, url, alsoRefused] of routes) {
      const as = (token: string) =>
        (client as any)[method](url).bearerToken(token).json({ enabled: true })
      ;(await as(nobody.token)).assertStatus(403)
      if (alsoRefused.includes('reader')) {
        ;(await as(reader.token)).assertStatus(403)
      }
    }
    ;(await client.get('/api/system/connectors').bearerToken(reader.token)).assertStatus(200)
    ;(await client.get('/api/system/connectors')).assertStatus(401)
  })
})
