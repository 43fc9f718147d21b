import { describe, expect, it } from 'vitest'
import SecurityLogs from '@/areas/audit/pages/system/SecurityLogs.vue'
import {
  fakeServer,
  flushPromises,
  mountInConsole,
  signedInAs,
  withDictionaries,
} from '../../../../tests/helpers'

/* 日志管理 · 安全日志: denials and downloads, searchable like the other logs, no export. */
const row = {
  id: '90',
  occurredAt: '2026-03-02 10:00:00',
  userId: 7,
  username: 'bj_clerk',
  orgId: 2,
  orgName: '北京分行',
  ip: '10.1.2.9',
  userAgent: 'Mozilla/5.0',
  requestId: 'r-9',
  action: 'security.not_found',
  entityType: '/api/workflow/attachments/:id',
  entityId: '42',
  result: 'failure',
  detail: 'GET /api/workflow/attachments/42',
}

const dictionaries = {
  audit_result: [{ code: 'failure', label: { zh: '失败', en: 'Failure' }, color: 'danger' }],
  audit_security_action: [
    {
      code: 'security.not_found',
      label: { zh: '越范围访问', en: 'Outside data scope' },
      color: 'danger',
    },
  ],
}

describe('安全日志', () => {
  it('lists security events with their labels and the record asked for, and searches by event', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path === '/api/dictionaries') return { status: 200, body: dictionaries }
      if (call.path === '/api/system/audit/security-logs')
        return { status: 200, body: { data: [row], meta: { total: 1, page: 1, perPage: 20 } } }
    })
    const pinia = signedInAs(['system:audit:security-log', 'system:audit:export'])
    withDictionaries(dictionaries as any)
    const wrapper = mountInConsole(SecurityLogs, pinia)
    await flushPromises()

    const table = wrapper.find('[data-testid=audit-table]').text()
    expect(table).toContain('越范围访问')
    expect(table).toContain('/api/workflow/attachments/:id #42')
    expect(table).toContain('bj_clerk')
    // The security log has no export of its own.
    expect(wrapper.find('[data-testid=audit-export]').exists()).toBe(false)

    await wrapper.find('input[data-testid=audit-username]').setValue('bj_clerk')
    await wrapper.find('[data-testid=audit-search]').trigger('click')
    await flushPromises()
    const last = calls.filter((c) => c.path === '/api/system/audit/security-logs').at(-1)!
    expect(last.query.get('username')).toBe('bj_clerk')
  })
})
