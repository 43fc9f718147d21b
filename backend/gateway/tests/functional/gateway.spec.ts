import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { inboundRegistry } from '#core/gateway/inbound_registry'
import { gatewayClients, interfaceSwitches } from '#core/gateway/clients'
import { userWith } from '#tests/helpers/auth'
import { callingSystem, signedCall } from '#tests/helpers/gateway'

/*
| 接入网关: a signed request passes; expired, replayed, forged (wrong secret),
| unknown key, closed system, closed interface, ungranted interface and an
| exceeded rate limit are each refused with their own code and logged; bodies
| are masked in the call log; rotation keeps the old secret for the grace
| period; the OpenAPI document has both directions; administration is audited.
*/
const ECHO = inboundRegistry.defineForTests('test-gw', {
  code: 'echo',
  name: { zh: '回显', en: 'Echo' },
  method: 'POST',
  request: { type: 'object', properties: { idNumber: { type: 'string' } } },
  handler: async () => ({
    default: async (call) => ({ body: { received: call.body, client: call.client.code } }),
  }),
})
const OTHER = inboundRegistry.defineForTests('test-gw', {
  code: 'other',
  name: { zh: '另一个', en: 'Other' },
  method: 'GET',
  handler: async () => ({ default: async () => ({ body: { ok: true } }) }),
})

const lastCall = (clientCode: string) =>
  db.from('gateway_calls').where('client_code', clientCode).orderBy('id', 'desc').first()

test.group('接入网关: signatures and refusals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a signed call reaches the handler; its body is masked in the call log', async ({
    client,
    assert,
  }) => {
    const sys = await callingSystem([ECHO.code])
    const response = await signedCall(client, {
      keyId: sys.keyId,
      secret: sys.secret,
      method: 'POST',
      path: ECHO.path,
      body: { idNumber: '110101199001011234', phone: '13812345678' },
    })
    response.assertStatus(200)
    assert.equal(response.body().client, sys.code)
    assert.equal(response.body().received.idNumber, '110101199001011234')
    const logged = await lastCall(sys.code)
    assert.equal(logged.outcome, 'ok')
    assert.equal(logged.interface_code, ECHO.code)
    assert.notInclude(logged.request_masked, '110101199001011234')
    assert.notInclude(logged.request_masked, '13812345678')
    assert.notInclude(logged.response_masked, '110101199001011234')
  })

  test('expired, replayed, wrong secret, unknown key and unsigned calls are refused', async ({
    client,
    assert,
  }) => {
    const sys = await callingSystem([ECHO.code])
    const base = {
      keyId: sys.keyId,
      secret: sys.secret,
      method: 'POST' as const,
      path: ECHO.path,
      body: { a: 1 },
    }

    const old = String(Math.floor(Date.now() / 1000) - 301)
    const expired = await signedCall(client, { ...base, timestamp: old })
    expired.assertStatus(401)
    assert.equal(expired.body().code, 'EXPIRED')
    const future = await signedCall(client, {
      ...base,
      timestamp: String(Math.floor(Date.now() / 1000) + 400),
    })
    assert.equal(future.body().code, 'EXPIRED')

    const nonce = `n${Date.now()}abcdef`
    ;(await signedCall(client, { ...base, nonce })).assertStatus(200)
    const replay = await signedCall(client, { ...base, nonce })
    replay.assertStatus(401)
    assert.equal(replay.body().code, 'REPLAYED')

    const forged = await signedCall(client, { ...base, secret: 'not-the-secret' })
    forged.assertStatus(401)
    assert.equal(forged.body().code, 'BAD_SIGNATURE')

    // The signature binds the body: a changed body with the old signature fails.
    const signed = signedCall(client, { ...base, body: { a: 2 } })
    signed.json({ a: 3 })
    assert.equal((await signed).body().code, 'BAD_SIGNATURE')

    const unknown = await signedCall(client, { ...base, keyId: 'gw_nobody' })
    unknown.assertStatus(401)
    assert.equal(unknown.body().code, 'UNKNOWN_KEY')

    const unsigned = await client.post(ECHO.path).json({ a: 1 })
    unsigned.assertStatus(401)
    assert.equal(unsigned.body().code, 'UNSIGNED')

    const outcomes = (
      await db.from('gateway_calls').where('client_code', sys.code).select('outcome')
    ).map((r) => r.outcome)
    assert.includeMembers(outcomes, ['expired', 'replayed', 'bad_signature', 'ok'])
  })

  test('closed system, closed interface and an ungranted interface are refused', async ({
    client,
    assert,
  }) => {
    const sys = await callingSystem([ECHO.code])
    const base = {
      keyId: sys.keyId,
      secret: sys.secret,
      method: 'POST' as const,
      path: ECHO.path,
      body: {},
    }
    const ungranted = await signedCall(client, { ...base, method: 'GET', path: OTHER.path })
    ungranted.assertStatus(403)
    assert.equal(ungranted.body().code, 'FORBIDDEN')

    await interfaceSwitches.set(ECHO.code, false)
    const ifaceClosed = await signedCall(client, base)
    ifaceClosed.assertStatus(403)
    assert.equal(ifaceClosed.body().code, 'INTERFACE_CLOSED')
    await interfaceSwitches.set(ECHO.code, true)

    await gatewayClients.update(sys.id, { enabled: false })
    const closed = await signedCall(client, base)
    closed.assertStatus(403)
    assert.equal(closed.body().code, 'CLOSED')
    await gatewayClients.update(sys.id, { enabled: true })
    ;(await signedCall(client, base)).assertStatus(200)

    const missing = await signedCall(client, { ...base, path: '/gateway/v1/test-gw/nothing' })
    missing.assertStatus(404)
  })

  test('the rate limit per system answers 429 past its calls per minute', async ({
    client,
    assert,
  }) => {
    const sys = await callingSystem([ECHO.code], { rateLimitPerMinute: 3 })
    const base = { keyId: sys.keyId, secret: sys.secret, method: 'POST' as const, path: ECHO.path }
    for (let i = 0; i < 3; i++)
      (await signedCall(client, { ...base, body: { i } })).assertStatus(200)
    const limited = await signedCall(client, { ...base, body: { i: 4 } })
    limited.assertStatus(429)
    assert.equal(limited.body().code, 'RATE_LIMITED')
    const other = await callingSystem([ECHO.code], { rateLimitPerMinute: 3 })
    ;(
      await signedCall(client, { ...base, keyId: other.keyId, secret: other.secret, body: {} })
    ).assertStatus(200)
  })

  test('a rotated secret replaces the old one after the grace period', async ({
    client,
    assert,
  }) => {
    const sys = await callingSystem([ECHO.code])
    const base = { keyId: sys.keyId, method: 'POST' as const, path: ECHO.path, body: {} }
    const graced = await gatewayClients.rotate(sys.id, 1)
    ;(await signedCall(client, { ...base, secret: sys.secret })).assertStatus(200)
    ;(await signedCall(client, { ...base, secret: graced!.secret })).assertStatus(200)
    const immediate = await gatewayClients.rotate(sys.id, 0)
    assert.equal(
      (await signedCall(client, { ...base, secret: graced!.secret })).body().code,
      'BAD_SIGNATURE'
    )
    ;(await signedCall(client, { ...base, secret: immediate!.secret })).assertStatus(200)
    const row = await db.from('gateway_clients').where('id', sys.id).first()
    assert.notInclude(JSON.stringify(row), immediate!.secret, 'the secret is stored encrypted')
  })
})

test.group('接入网关: administration and OpenAPI', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an administrator creates a system (secret shown once), grants, closes; audited', async ({
    client,
    assert,
  }) => {
    const { token } = await userWith({
      permissions: ['system:gateway:list', 'system:gateway:manage'],
    })
    const created = await client
      .post('/api/system/gateway/clients')
      .bearerToken(token)
      .json({
        code: 'credit-portal-t',
        name: '信贷门户',
        rateLimitPerMinute: 60,
        grants: [ECHO.code],
      })
    created.assertStatus(201)
    assert.match(created.body().secret, /^[A-Za-z0-9_-]{40,}$/)
    const id = created.body().client.id
    const listed = await client.get('/api/system/gateway/clients').bearerToken(token)
    assert.notInclude(JSON.stringify(listed.body()), created.body().secret)

    const bad = await client
      .post('/api/system/gateway/clients')
      .bearerToken(token)
      .header('accept-language', 'en')
      .json({ code: 'x', name: '', rateLimitPerMinute: 0, grants: ['nope.nope'], extra: 1 })
    bad.assertStatus(422)

    const unknownGrant = await client
      .put(`/api/system/gateway/clients/${id}`)
      .bearerToken(token)
      .json({ grants: ['test-gw.missing'] })
    unknownGrant.assertStatus(422)

    const closed = await client
      .put(`/api/system/gateway/clients/${id}`)
      .bearerToken(token)
      .json({ enabled: false })
    closed.assertStatus(200)
    assert.isFalse(closed.body().enabled)
    ;(
      await client
        .put(`/api/system/gateway/interfaces/${ECHO.code}`)
        .bearerToken(token)
        .json({ enabled: false })
    ).assertStatus(200)
    ;(
      await client.post(`/api/system/gateway/clients/${id}/rotate`).bearerToken(token)
    ).assertStatus(200)
    const actions = await db
      .from('audit_logs')
      .where('entity_id', String(id))
      .where('entity_type', 'gateway_client')
      .select('*')
    assert.includeMembers(
      actions.map((a) => a.action),
      ['gateway.client.create', 'gateway.client.update', 'gateway.client.rotate']
    )
    assert.notInclude(JSON.stringify(actions), created.body().secret)

    const readOnly = await userWith({ permissions: ['system:gateway:list'] })
    ;(
      await client
        .post('/api/system/gateway/clients')
        .bearerToken(readOnly.token)
        .json({ code: 'zz', name: 'z', rateLimitPerMinute: 1 })
    ).assertStatus(403)
  })

  test('the call log is searchable by system and outcome', async ({ client, assert }) => {
    const sys = await callingSystem([ECHO.code])
    await signedCall(client, {
      keyId: sys.keyId,
      secret: 'wrong',
      method: 'POST',
      path: ECHO.path,
      body: {},
    })
    await signedCall(client, {
      keyId: sys.keyId,
      secret: sys.secret,
      method: 'POST',
      path: ECHO.path,
      body: {},
    })
    const { token } = await userWith({ permissions: ['system:gateway:list'] })
    const page = await client
      .get('/api/system/gateway/calls')
      .qs({ client: sys.code, outcome: 'bad_signature' })
      .bearerToken(token)
    page.assertStatus(200)
    assert.equal(page.body().meta.total, 1)
    assert.equal(page.body().data[0].httpStatus, 401)
    ;(
      await client.get('/api/system/gateway/calls').qs({ outcome: 'nonsense' }).bearerToken(token)
    ).assertStatus(422)
  })

  test('the OpenAPI document lists inbound interfaces with signature headers, and outbound ones', async ({
    client,
    assert,
  }) => {
    const { token } = await userWith({ permissions: ['system:gateway:list'] })
    const doc = (await client.get('/api/system/gateway/openapi').bearerToken(token)).body()
    assert.equal(doc.openapi, '3.0.3')
    const echo = doc.paths[ECHO.path].post
    assert.equal(echo['x-direction'], 'inbound')
    assert.deepEqual(Object.keys(echo.security[0]).sort(), [
      'GatewayKey',
      'GatewayNonce',
      'GatewaySignature',
      'GatewayTimestamp',
    ])
    assert.equal(doc.components.securitySchemes.GatewaySignature.name, 'X-Gateway-Signature')
    assert.property(echo.responses, '401')
    assert.equal(doc.paths[OTHER.path].get.operationId, OTHER.code)
    const outbound = Object.values(doc.paths)
      .flatMap((p: any) => Object.values(p))
      .filter((o: any) => o['x-direction'] === 'outbound')
    assert.isAbove(outbound.length, 0)
    assert.exists(
      doc.paths['/gateway/v1/credit-assets/loan-risk-status']?.get,
      'plugins declare theirs'
    )
    assert.exists(doc.paths['/gateway/v1/recoveries/recovery-notice']?.post)
  })

  test('接口测试 runs an inbound interface through the gateway with a signed request', async ({
    client,
    assert,
  }) => {
    const { token } = await userWith({
      permissions: [
        'system:interface-test:list',
        'system:interface-test:run',
        'system:interface-test:case',
      ],
    })
    const listed = (
      await client.get('/api/system/interface-tests/interfaces').bearerToken(token)
    ).body().data
    const echo = listed.find((i: any) => i.system === 'gateway' && i.interface === ECHO.code)
    assert.exists(echo, 'inbound interfaces are listed under the gateway')
    assert.equal(echo.path, ECHO.path)

    const refused = await client
      .post('/api/system/interface-tests/run')
      .bearerToken(token)
      .json({ system: 'gateway', interface: ECHO.code, payload: { n: 0 } })
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].rule, 'noCaller')

    const sys = await callingSystem([ECHO.code])
    const run = await client
      .post('/api/system/interface-tests/run')
      .bearerToken(token)
      .json({
        system: 'gateway',
        interface: ECHO.code,
        payload: { idNumber: '110101199001011234' },
      })
    run.assertStatus(200)
    assert.isTrue(run.body().ok, JSON.stringify(run.body()))
    assert.notInclude(run.body().response, '110101199001011234')
    const logged = await lastCall(sys.code)
    assert.equal(logged.outcome, 'ok', 'it went through the gateway, signed as the granted system')

    const saved = await client
      .post('/api/system/interface-tests/cases')
      .bearerToken(token)
      .json({
        name: '接入回显',
        system: 'gateway',
        interface: ECHO.code,
        payload: {},
        expect: 'success',
      })
    saved.assertStatus(201)
    const suite = await client
      .post('/api/system/interface-tests/suite')
      .bearerToken(token)
      .json({ systems: ['gateway'] })
    suite.assertStatus(200)
    assert.equal(suite.body().failed, 0)
    assert.equal(suite.body().passed, 1)
  })
})
