import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { connectorRegistry } from '#core/connectors/registry'
import { syncConnectors } from '#core/connectors/connector_store'
import { resetBreaker } from '#core/connectors/breakers'
import {
  startFakeExternalSystem,
  type FakeExternalSystem,
} from '#tests/helpers/fake_external_system'
import { userWith } from '#tests/helpers/auth'

/*
| 接口测试: a sample payload from the schema, one run with the masked exchange and
| its time, postings only against a system on this machine, saved cases and a
| suite's pass/fail report, permissions and validation.
*/
const SYSTEM = 'test-iftest'

if (!connectorRegistry.has(SYSTEM))
  connectorRegistry.defineSystem({
    code: SYSTEM,
    name: { zh: '接口测试系统', en: 'Interface test system' },
    owner: '科技部',
    interfaces: [
      {
        code: 'query',
        name: { zh: '查询', en: 'Query' },
        direction: 'outbound',
        method: 'POST',
        path: '/query',
        request: {
          type: 'object',
          properties: {
            customerNo: { type: 'string' },
            idNumber: { type: 'string' },
            businessDate: { type: 'string', format: 'date' },
            amountFen: { type: 'string', pattern: '^-?\\d+$' },
            kind: { enum: ['a', 'b'] },
          },
        },
      },
      {
        code: 'posting',
        name: { zh: '记账', en: 'Posting' },
        direction: 'outbound',
        method: 'POST',
        path: '/postings',
        moneyChanging: true,
      },
      {
        code: 'callback',
        name: { zh: '回调', en: 'Callback' },
        direction: 'inbound',
        method: 'POST',
        path: '/api/callback',
      },
    ],
  })

async function pointAt(url: string) {
  await syncConnectors()
  await db.from('connector_systems').where('code', SYSTEM).update({ base_url: url })
  resetBreaker(SYSTEM)
}

test.group('接口测试', (group) => {
  let fake: FakeExternalSystem
  group.each.setup(async () => {
    fake = await startFakeExternalSystem()
    const rollback = await testUtils.db().withGlobalTransaction()
    await pointAt(fake.url)
    return async () => {
      await rollback()
      await fake.close()
    }
  })

  test('lists outbound interfaces with a sample payload from the schema', async ({
    client,
    assert,
  }) => {
    const { token } = await userWith({ permissions: ['system:interface-test:list'] })
    const response = await client.get('/api/system/interface-tests/interfaces').bearerToken(token)
    response.assertStatus(200)
    const mine = response.body().data.filter((i: any) => i.system === SYSTEM)
    assert.deepEqual(
      mine.map((i: any) => i.interface),
      ['query', 'posting'],
      'inbound interfaces are not run from here'
    )
    const query = mine[0]
    assert.containsSubset(query.sample, { customerNo: 'test', amountFen: '100', kind: 'a' })
    assert.match(query.sample.businessDate, /^\d{4}-\d{2}-\d{2}$/)
    assert.isTrue(mine[1].runnable, 'the fake system is on loopback')
  })

  test('one run shows the masked exchange and its time; it is audited', async ({
    client,
    assert,
  }) => {
    const { token } = await userWith({
      permissions: ['system:interface-test:list', 'system:interface-test:run'],
    })
    const response = await client
      .post('/api/system/interface-tests/run')
      .bearerToken(token)
      .json({ system: SYSTEM, interface: 'query', payload: { idNumber: '110101199001011234' } })
    response.assertStatus(200)
    const body = response.body()
    assert.isTrue(body.ok)
    assert.isAtLeast(body.durationMs, 0)
    assert.notInclude(body.request, '110101199001011234', 'identity numbers are masked')
    assert.equal(fake.total, 1)
    const logged = await db
      .from('connector_calls')
      .where('correlation_id', body.correlationId)
      .first()
    assert.equal(logged.status, 'success')
    assert.isNotNull(
      await db
        .from('audit_logs')
        .where('action', 'interface_test.run')
        .where('detail', body.correlationId)
        .first()
    )

    fake.knobs.failNext = 1
    const failed = (
      await client
        .post('/api/system/interface-tests/run')
        .bearerToken(token)
        .json({ system: SYSTEM, interface: 'query', payload: {} })
    ).body()
    assert.isFalse(failed.ok)
    assert.containsSubset(failed.error, { kind: 'http', httpStatus: 500 })
    assert.equal(fake.total, 2, 'a failing run is tried once, never retried')
  })

  test('postings run only against a system on this machine', async ({ client, assert }) => {
    const { token } = await userWith({ permissions: ['system:interface-test:run'] })
    // Different amounts: the same body twice within seconds is a repeated submit (409).
    const run = (amount: string) =>
      client
        .post('/api/system/interface-tests/run')
        .bearerToken(token)
        .header('Accept-Language', 'zh-CN')
        .json({ system: SYSTEM, interface: 'posting', payload: { amount } })
    const local = await run('1.00')
    local.assertStatus(200)
    assert.isTrue(local.body().ok)
    assert.match(fake.log[0].headers['idempotency-key'] as string, /^iftest:/)

    await pointAt('https://core.bank.example:8443')
    const remote = await run('2.00')
    remote.assertStatus(422)
    assert.equal(
      remote.body().errors[0].message,
      '资金类接口只能对本机模拟器测试，不能调用真实系统'
    )
    assert.equal(fake.total, 1)
  })

  test('cases are saved and a suite reports pass and fail per case', async ({ client, assert }) => {
    const { token } = await userWith({
      permissions: [
        'system:interface-test:list',
        'system:interface-test:run',
        'system:interface-test:case',
      ],
    })
    const save = (body: Record<string, unknown>) =>
      client.post('/api/system/interface-tests/cases').bearerToken(token).json(body)
    ;(
      await save({
        name: '查询成功',
        system: SYSTEM,
        interface: 'query',
        payload: {},
        expect: 'success',
      })
    ).assertStatus(201)
    const second = await save({
      name: '记账应失败',
      system: SYSTEM,
      interface: 'posting',
      payload: { amount: '1.00' },
      expect: 'failure',
    })
    second.assertStatus(201)

    const report = (
      await client
        .post('/api/system/interface-tests/suite')
        .bearerToken(token)
        .json({ systems: [SYSTEM] })
    ).body()
    assert.containsSubset(report, { total: 2, passed: 1, failed: 1 })
    assert.deepEqual(
      report.rows.map((r: any) => [r.name, r.passed]),
      [
        ['记账应失败', false],
        ['查询成功', true],
      ]
    )

    const updated = await client
      .put(`/api/system/interface-tests/cases/${second.body().id}`)
      .bearerToken(token)
      .json({
        name: '记账成功',
        system: SYSTEM,
        interface: 'posting',
        payload: { amount: '1.00' },
        expect: 'success',
      })
    updated.assertStatus(200)
    // Every system's cases this time (the same body again within seconds would be a repeated submit).
    const again = (
      await client
        .post('/api/system/interface-tests/suite')
        .bearerToken(token)
        .json({})
    ).body()
    assert.containsSubset(again, { total: 2, passed: 2, failed: 0 })

    const removed = await client
      .delete(`/api/system/interface-tests/cases/${second.body().id}`)
      .bearerToken(token)
    removed.assertStatus(204)
    const list = (
      await client
        .get('/api/system/interface-tests/cases')
        .qs({ system: SYSTEM })
        .bearerToken(token)
    ).body()
    assert.lengthOf(list.data, 1)
  })

  test('bad input is 422; each route needs its permission', async ({ client, assert }) => {
    const runner = await userWith({ permissions: ['system:interface-test:run'] })
    const bad = async (body: Record<string, unknown>, rule: string) => {
      const r = await client
        .post('/api/system/interface-tests/run')
        .bearerToken(runner.token)
        .json(body)
      r.assertStatus(422)
      assert.include(JSON.stringify(r.body().errors), rule)
    }
    await bad({ system: SYSTEM, interface: 'nope', payload: {} }, 'unknown')
    await bad({ system: SYSTEM, interface: 'callback', payload: {} }, 'inbound')
    await bad({ system: 'Bad System', interface: 'query', payload: {} }, 'regex')
    await bad({ system: SYSTEM, interface: 'query', payload: {}, extra: 1 }, 'unknown')

    const caseOnly = await client
      .post('/api/system/interface-tests/cases')
      .bearerToken(runner.token)
      .json({ name: 'x', system: SYSTEM, interface: 'query', payload: {}, expect: 'success' })
    caseOnly.assertStatus(403)
    const lister = await userWith({ permissions: ['system:interface-test:list'] })
    const run = await client
      .post('/api/system/interface-tests/run')
      .bearerToken(lister.token)
      .json({ system: SYSTEM, interface: 'query', payload: {} })
    run.assertStatus(403)
    assert.equal(fake.total, 0)
  })
})
