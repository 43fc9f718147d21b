import { describe, expect, it, vi } from 'vitest'
import LoginLogs from '@/areas/audit/pages/system/LoginLogs.vue'
import OperationLogs from '@/areas/audit/pages/system/OperationLogs.vue'
import { filterQuery, emptyFilters } from '@/areas/audit/api'
import {
  fakeServer,
  flushPromises,
  mountInConsole,
  signedInAs,
  withDictionaries,
  type FakeCall,
  withSessionCookie,
} from '../../../../tests/helpers'

const loginRows = [
  {
    id: '12',
    occurredAt: '2026-03-01 09:30:00',
    userId: 4,
    username: 'bj_asset',
    orgId: 2,
    orgName: '北京分行',
    ip: '10.1.2.3',
    userAgent: 'Mozilla/5.0',
    requestId: 'r-1',
    action: 'auth.login_failed',
    entityType: 'user',
    entityId: '4',
    result: 'failure',
    detail: 'bad_password',
  },
]

const operationRow = {
  ...loginRows[0],
  id: '40',
  action: 'customer.update',
  entityType: 'customer',
  entityId: '42',
  result: 'success',
  detail: null,
}

const dictionaries = {
  audit_result: [
    { code: 'success', label: { zh: '成功', en: 'Success' }, color: 'success' },
    { code: 'failure', label: { zh: '失败', en: 'Failure' }, color: 'danger' },
  ],
  audit_login_action: [
    { code: 'auth.login', label: { zh: '登录', en: 'Sign in' }, color: 'success' },
    { code: 'auth.login_failed', label: { zh: '登录失败', en: 'Failed sign-in' }, color: 'danger' },
  ],
}

function auditServer(extra?: (call: FakeCall) => any) {
  return fakeServer((call) => {
    const custom = extra?.(call)
    if (custom) return custom
    if (call.path === '/api/dictionaries') return { status: 200, body: dictionaries }
    if (call.path === '/api/system/audit/login-logs')
      return { status: 200, body: { data: loginRows, meta: { total: 1, page: 1, perPage: 20 } } }
    if (call.path === '/api/system/audit/operation-logs')
      return {
        status: 200,
        body: { data: [operationRow], meta: { total: 1, page: 1, perPage: 20 } },
      }
    if (call.path === '/api/system/audit/operation-logs/actions')
      return { status: 200, body: ['customer.update', 'role.grant'] }
  })
}

async function mountPage(page: any, permissions: string[]) {
  const pinia = signedInAs(permissions)
  withDictionaries(dictionaries as any)
  const wrapper = mountInConsole(page, pinia)
  await flushPromises()
  return wrapper
}

describe('audit filters', () => {
  it('send only what was filled in, the range as from/to', () => {
    expect(filterQuery(emptyFilters())).toEqual({})
    expect(
      filterQuery({
        username: ' bj ',
        range: ['2026-03-01 00:00:00', '2026-03-01 23:59:59'],
        action: 'user.*',
        result: 'failure',
      })
    ).toEqual({
      username: 'bj',
      from: '2026-03-01 00:00:00',
      to: '2026-03-01 23:59:59',
      action: 'user.*',
      result: 'failure',
    })
  })
})

describe('登录日志', () => {
  it('lists sign-in events with their labels and searches by user', async () => {
    const { calls } = auditServer()
    const wrapper = await mountPage(LoginLogs, ['system:audit:login-log'])

    const table = wrapper.find('[data-testid=audit-table]').text()
    expect(table).toContain('bj_asset')
    expect(table).toContain('北京分行')
    expect(table).toContain('登录失败')
    expect(table).toContain('失败')
    expect(table).toContain('10.1.2.3')

    await wrapper.find('input[data-testid=audit-username]').setValue('bj_')
    await wrapper.find('[data-testid=audit-search]').trigger('click')
    await flushPromises()
    const last = calls.filter((c) => c.path === '/api/system/audit/login-logs').at(-1)!
    expect(last.query.get('username')).toBe('bj_')
    expect(last.query.get('page')).toBe('1')
    expect(last.query.has('keyword')).toBe(false)
  })

  it('hides 导出 without the export permission', async () => {
    auditServer()
    const wrapper = await mountPage(LoginLogs, ['system:audit:login-log'])
    expect(wrapper.find('[data-testid=audit-export]').exists()).toBe(false)
  })

  it('exports the current search as a job, shows its progress, then downloads the file', async () => {
    const states = [
      { status: 'running', progress: 50, message: '已导出 1 / 2 条', result: null },
      {
        status: 'completed',
        progress: 100,
        message: '导出完成，共 2 条',
        result: {
          token: 'a'.repeat(64),
          fileName: '登录日志_20260301_093000.xlsx',
          rows: 2,
          truncated: false,
        },
      },
    ]
    let polls = 0
    const { calls } = auditServer((call) => {
      if (call.method === 'POST' && call.path === '/api/system/audit/login-logs/export')
        return { status: 202, body: { jobId: 'job-1' } }
      if (call.path === '/api/jobs/job-1')
        return {
          status: 200,
          body: {
            id: 'job-1',
            name: 'system:audit-export',
            error: null,
            ...states[Math.min(polls++, 1)],
          },
        }
      if (call.path === '/api/system/audit/exports/job-1/download')
        return { status: 200, body: 'xlsx' }
    })
    // jsdom has no object URLs; the page only needs one to hand the blob to a link.
    const createObjectURL = vi.fn(() => 'blob:export')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})

    withSessionCookie('csrf-1')
    const wrapper = await mountPage(LoginLogs, ['system:audit:login-log', 'system:audit:export'])
    await wrapper.find('input[data-testid=audit-username]').setValue('bj_asset')
    await wrapper.find('[data-testid=audit-export]').trigger('click')
    await flushPromises()

    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ username: 'bj_asset' })
    const dialog = () => document.body.querySelector('.el-dialog') as HTMLElement
    await vi.waitFor(() => expect(dialog().textContent).toContain('执行中'))
    await vi.waitFor(
      () => expect(dialog().querySelector('[data-testid=audit-download]')).not.toBeNull(),
      {
        timeout: 4000,
      }
    )
    expect(dialog().textContent).toContain('登录日志_20260301_093000.xlsx')

    // el-link is an <a> too, and HTMLAnchorElement.click is stubbed above: dispatch the event instead.
    dialog()
      .querySelector('[data-testid=audit-download]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await flushPromises()
    const download = calls.find((c) => c.path === '/api/system/audit/exports/job-1/download')!
    expect(download.query.get('token')).toBe('a'.repeat(64))
    // The session cookie travels by itself; no bearer token is held by the console.
    expect(download.headers.Authorization).toBeUndefined()
    expect(download.headers['X-Auth-Mode']).toBe('cookie')
    expect(createObjectURL).toHaveBeenCalled()
    expect(click).toHaveBeenCalled()
  })
})

describe('操作日志', () => {
  it('shows an entry’s masked before/after as a diff with the changed fields marked', async () => {
    auditServer((call) => {
      if (call.path === '/api/system/audit/operation-logs/40')
        return {
          status: 200,
          body: {
            ...operationRow,
            before: { customerName: '张*', phone: '138****5678' },
            after: { customerName: '张*', phone: '139****5678' },
            changes: [
              { field: 'customerName', before: '张*', after: '张*', changed: false },
              { field: 'phone', before: '138****5678', after: '139****5678', changed: true },
              { field: 'tags', before: null, after: ['vip'], changed: true },
            ],
          },
        }
    })
    const wrapper = await mountPage(OperationLogs, ['system:audit:operation-log'])
    expect(wrapper.find('[data-testid=audit-table]').text()).toContain('customer #42')

    await wrapper.find('[data-testid=audit-view]').trigger('click')
    await flushPromises()
    const diff = document.body.querySelector('[data-testid=audit-diff]') as HTMLElement
    expect(diff).not.toBeNull()
    const rows = [...diff.querySelectorAll('tbody tr')]
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('customerName'),
      expect.stringContaining('138****5678'),
      expect.stringContaining('["vip"]'),
    ])
    expect(rows[0].classList.contains('audit-diff__changed')).toBe(false)
    expect(rows[1].classList.contains('audit-diff__changed')).toBe(true)
    expect(rows[1].textContent).toContain('139****5678')
    expect(rows[2].textContent).toContain('—')
  })

  it('filters by an action prefix and result', async () => {
    const { calls } = auditServer()
    const wrapper = await mountPage(OperationLogs, ['system:audit:operation-log'])
    const vm = wrapper.vm as any
    // The selects are Element Plus poppers; set the form state the way they would.
    vm.$.setupState.filters.action = 'customer.*'
    vm.$.setupState.filters.result = 'success'
    await wrapper.find('[data-testid=audit-search]').trigger('click')
    await flushPromises()
    const last = calls.filter((c) => c.path === '/api/system/audit/operation-logs').at(-1)!
    expect(last.query.get('action')).toBe('customer.*')
    expect(last.query.get('result')).toBe('success')
  })
})
