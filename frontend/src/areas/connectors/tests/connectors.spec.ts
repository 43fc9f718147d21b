import { describe, expect, it } from 'vitest'
import Connectors from '@/areas/connectors/pages/system/Connectors.vue'
import Outbox from '@/areas/connectors/pages/system/Outbox.vue'
import type { ConnectorSystem, OutboxMessage } from '@/areas/connectors/api'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from '../../../../tests/helpers'

/* 服务管理 and 外发消息: status tags, switches by permission, 检查, the call log, 重发. */

const stub = { global: { stubs: { PageToolbar: { template: '<div><slot /></div>' } } } }

function system(code: string, fields: Partial<ConnectorSystem> = {}): ConnectorSystem {
  return {
    code,
    name: `系统 ${code}`,
    owner: '科技部',
    enabled: true,
    baseUrl: 'http://core.example:8080',
    health: 'up',
    status: 'up',
    breakerState: 'closed',
    lastCheckedAt: null,
    lastError: null,
    lastCall: null,
    stats: { calls24h: 10, failures24h: 1, avgMs24h: 12 },
    outbox: { pending: 0, dead: 0 },
    interfaces: [
      {
        code: 'posting',
        name: '记账',
        direction: 'outbound',
        method: 'POST',
        path: '/postings',
        moneyChanging: true,
        timeoutMs: 5000,
        retries: 2,
        enabled: true,
      },
    ],
    ...fields,
  }
}

const SYSTEMS = [
  system('core', { health: 'up' }),
  system('credit', { health: 'open', breakerState: 'open' }),
  system('image', { health: 'disabled', enabled: false }),
]

function connectorServer() {
  return fakeServer((call) => {
    if (call.method === 'GET' && call.path === '/api/system/connectors')
      return { status: 200, body: { data: SYSTEMS } }
    if (call.method === 'PUT') return { status: 200, body: {} }
    if (call.method === 'POST' && call.path.endsWith('/check'))
      return { status: 200, body: { status: 'up', httpStatus: 200, durationMs: 7, error: null } }
    if (call.path === '/api/system/connectors/calls')
      return {
        status: 200,
        body: {
          data: [
            {
              id: 1,
              system: 'core',
              interface: 'posting',
              direction: 'outbound',
              startedAt: '2026-11-24 10:00:00.000',
              durationMs: 12,
              status: 'success',
              httpStatus: 200,
              attempt: 1,
              errorKind: null,
              error: null,
              request: '{"idNumber":"110***********1234"}',
              response: '{"ok":true}',
              correlationId: 'c-1',
              idempotencyKey: null,
            },
          ],
          meta: { total: 1, page: 1, perPage: 20 },
        },
      }
  })
}

describe('Connectors page', () => {
  it('shows 正常 / 熔断 / 停用 per system', async () => {
    connectorServer()
    const wrapper = mountInConsole(Connectors, signedInAs(['*']), stub)
    await flushPromises()
    expect(wrapper.find('[data-testid=health-core]').text()).toBe('正常')
    expect(wrapper.find('[data-testid=health-credit]').text()).toBe('熔断')
    expect(wrapper.find('[data-testid=health-image]').text()).toBe('停用')
    wrapper.unmount()
  })

  it('switches a system off and checks one, with the permissions', async () => {
    const { calls } = connectorServer()
    const wrapper = mountInConsole(Connectors, signedInAs(['*']), stub)
    await flushPromises()
    await wrapper.find('[data-testid=system-switch-core]').trigger('click')
    await flushPromises()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.path).toBe('/api/system/connectors/core')
    expect(put.body).toEqual({ enabled: false })

    await wrapper.find('[data-testid=check-core]').trigger('click')
    await flushPromises()
    expect(
      calls.some((c) => c.method === 'POST' && c.path === '/api/system/connectors/core/check')
    ).toBe(true)
    wrapper.unmount()
  })

  it('is read-only without update and check permissions', async () => {
    const { calls } = connectorServer()
    const wrapper = mountInConsole(Connectors, signedInAs(['system:connector:list']), stub)
    await flushPromises()
    expect(wrapper.find('[data-testid=check-core]').exists()).toBe(false)
    const toggle = wrapper.find('[data-testid=system-switch-core]')
    expect(toggle.classes()).toContain('is-disabled')
    await toggle.trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.method === 'PUT')).toBe(false)
    wrapper.unmount()
  })

  it('opens the masked call log of a system', async () => {
    const { calls } = connectorServer()
    const wrapper = mountInConsole(Connectors, signedInAs(['system:connector:list']), stub)
    await flushPromises()
    await wrapper.find('[data-testid=calls-core]').trigger('click')
    await flushPromises()
    const request = calls.find((c) => c.path === '/api/system/connectors/calls')!
    expect(request.query.get('system')).toBe('core')
    expect(document.body.querySelector('[data-testid=call-table]')?.textContent).toContain(
      'posting'
    )
    wrapper.unmount()
  })
})

describe('Outbox page', () => {
  const dead: OutboxMessage = {
    id: 7,
    idempotencyKey: 'posting:42',
    system: 'core',
    interface: 'posting',
    status: 'dead',
    attempts: 10,
    nextAttemptAt: '2026-11-24 10:00:00.000',
    claimed: false,
    lastError: 'core.posting answered HTTP 503',
    lastHttpStatus: 503,
    correlationId: null,
    createdAt: '2026-11-24 09:00:00',
    sentAt: null,
    payload: '{"amount":"100.00"}',
    ack: null,
  }

  function outboxServer() {
    return fakeServer((call) => {
      if (call.method === 'GET' && call.path === '/api/system/outbox')
        return { status: 200, body: { data: [dead], meta: { total: 1, page: 1, perPage: 20 } } }
      if (call.method === 'POST' && call.path === '/api/system/outbox/7/retry')
        return { status: 200, body: { ...dead, status: 'pending', attempts: 0 } }
    })
  }

  it('offers 重发 for a dead message only with the retry permission', async () => {
    outboxServer()
    const reader = mountInConsole(Outbox, signedInAs(['system:outbox:list']), stub)
    await flushPromises()
    expect(reader.find('[data-testid=outbox-table]').text()).toContain('posting:42')
    expect(reader.find('[data-testid=retry-7]').exists()).toBe(false)
    reader.unmount()

    const operator = mountInConsole(
      Outbox,
      signedInAs(['system:outbox:list', 'system:outbox:retry']),
      stub
    )
    await flushPromises()
    expect(operator.find('[data-testid=retry-7]').exists()).toBe(true)
    operator.unmount()
  })
})
