import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElMessage, ElMessageBox } from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import { installDirectives } from '@/directives/permission'
import OnlineUsers from '@/areas/identity/pages/system/OnlineUsers.vue'
import { fakeServer, flushPromises, signedInAs, type FakeCall } from '../../../../tests/helpers'

const sessions = [
  {
    id: 11,
    userId: 1,
    username: 'admin',
    realName: '系统管理员',
    orgName: '总行',
    ip: '10.0.0.8',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0',
    clientMac: null,
    loginAt: '2024-05-01T01:00:00.000Z',
    lastActivityAt: '2024-05-01T01:20:00.000Z',
    current: true,
  },
  {
    id: 12,
    userId: 7,
    username: 'bj_cy_am',
    realName: '赵六',
    orgName: '北京朝阳支行',
    ip: '10.3.1.20',
    userAgent: 'ClerkBrowser/1.0',
    clientMac: '00-1A-2B-3C-4D-5E',
    loginAt: '2024-05-01T00:30:00.000Z',
    lastActivityAt: '2024-05-01T01:10:00.000Z',
    current: false,
  },
]

function sessionsServer() {
  return fakeServer((call: FakeCall) => {
    if (call.method === 'GET' && call.path === '/api/system/sessions')
      return { status: 200, body: { data: sessions, meta: { total: 2, page: 1, perPage: 20 } } }
    if (call.method === 'DELETE') return { status: 204 }
  })
}

async function openPage(permissions: string[]) {
  const pinia = signedInAs(permissions)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/system/sessions',
        component: OnlineUsers,
        meta: { title: { zh: '在线用户', en: 'Online users' } },
      },
    ],
  })
  await router.push('/system/sessions')
  const wrapper = mount(OnlineUsers, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router, { install: installDirectives }] },
  })
  await flushPromises()
  return wrapper
}

const rowOf = (wrapper: Awaited<ReturnType<typeof openPage>>, username: string) =>
  wrapper
    .findAll('[data-testid=sessions-table] .el-table__body tr')
    .find((tr) => tr.text().includes(username))!

describe('在线用户', () => {
  it('lists sessions, marks your own and offers 强制下线 only for the others', async () => {
    const { calls } = sessionsServer()
    const wrapper = await openPage(['system:session:list', 'system:session:kick'])

    expect(calls[0].path).toBe('/api/system/sessions')
    const mine = rowOf(wrapper, 'admin')
    const theirs = rowOf(wrapper, 'bj_cy_am')
    expect(mine.find('[data-testid=session-current]').text()).toBe('当前会话')
    expect(mine.find('[data-testid=session-kick]').exists()).toBe(false)
    expect(theirs.find('[data-testid=session-current]').exists()).toBe(false)
    expect(theirs.find('[data-testid=session-kick]').exists()).toBe(true)
    // No MAC from a direct sign-in shows as a dash; the portal's MAC as sent.
    expect(mine.text()).toContain('—')
    expect(theirs.text()).toContain('00-1A-2B-3C-4D-5E')
    expect(theirs.text()).toContain('北京朝阳支行')
  })

  it('without the kick permission there is no kick button and no actions column', async () => {
    sessionsServer()
    const wrapper = await openPage(['system:session:list'])

    expect(wrapper.find('[data-testid=session-kick]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=sessions-table]').text()).not.toContain('操作')
    expect(wrapper.find('[data-testid=session-current]').exists()).toBe(true)
  })

  it('kicks after confirmation and reloads the list', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as any)
    vi.spyOn(ElMessage, 'success').mockImplementation((() => {}) as any)
    const { calls } = sessionsServer()
    const wrapper = await openPage(['*'])

    await rowOf(wrapper, 'bj_cy_am').find('[data-testid=session-kick]').trigger('click')
    await flushPromises()

    expect(confirm.mock.calls[0][0]).toContain('赵六')
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/system/sessions/12',
    ])
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2)
  })

  it('does nothing when the confirmation is cancelled', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    const { calls } = sessionsServer()
    const wrapper = await openPage(['*'])

    await rowOf(wrapper, 'bj_cy_am').find('[data-testid=session-kick]').trigger('click')
    await flushPromises()

    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)
  })

  it('searches by user from page one', async () => {
    const { calls } = sessionsServer()
    const wrapper = await openPage(['system:session:list'])

    await wrapper.find('input[data-testid=sessions-search]').setValue('赵')
    await wrapper.find('input[data-testid=sessions-search]').trigger('keyup', { key: 'Enter' })
    await flushPromises()

    expect(calls.at(-1)!.query.get('keyword')).toBe('赵')
    expect(calls.at(-1)!.query.get('page')).toBe('1')
  })

  it('refreshes every 15 seconds while auto-refresh is on', async () => {
    const { calls } = sessionsServer()
    const wrapper = await openPage(['system:session:list'])
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const gets = () => calls.filter((c) => c.method === 'GET').length

    await vi.advanceTimersByTimeAsync(20_000)
    expect(gets()).toBe(1)

    await wrapper.find('[data-testid=sessions-auto-refresh]').trigger('click')
    await vi.advanceTimersByTimeAsync(14_000)
    expect(gets()).toBe(1)
    await vi.advanceTimersByTimeAsync(1_000)
    await flushPromises()
    expect(gets()).toBe(2)
    await vi.advanceTimersByTimeAsync(15_000)
    await flushPromises()
    expect(gets()).toBe(3)

    await wrapper.find('[data-testid=sessions-auto-refresh]').trigger('click')
    await vi.advanceTimersByTimeAsync(30_000)
    await flushPromises()
    expect(gets()).toBe(3)

    wrapper.unmount()
  })
})
