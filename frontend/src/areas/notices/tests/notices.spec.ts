import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { ElMessageBox } from 'element-plus'
import {
  fetchUnreadCount,
  listNotices,
  markNoticeRead,
  publishNotice,
  type MyNotice,
} from '@/areas/notices/api'
import MyNotices from '@/areas/notices/components/MyNotices.vue'
import NoticeBell from '@/areas/notices/components/NoticeBell.vue'
import { unreadCount, setUnread } from '@/areas/notices/components/unread'
import Notices from '@/areas/notices/pages/system/Notices.vue'
import {
  fakeServer,
  flushPromises,
  mountInConsole,
  signedInAs,
  withDictionaries,
  type FakeCall,
} from '../../../../tests/helpers'

const KINDS = {
  notice_kind: [
    { code: 'notice', label: { zh: '通知', en: 'Notice' }, color: 'primary' },
    { code: 'urgent', label: { zh: '紧急通知', en: 'Urgent notice' }, color: 'danger' },
  ],
  notice_status: [
    { code: 'draft', label: { zh: '草稿', en: 'Draft' }, color: 'info' },
    { code: 'published', label: { zh: '已发布', en: 'Published' }, color: 'success' },
  ],
}

const mine: MyNotice[] = [
  {
    id: 7,
    title: '关于系统停机维护的紧急通知',
    kind: 'urgent',
    orgName: '示范银行总行',
    publisherName: '系统管理员',
    publishedAt: '2026-11-20T09:30:00.000+08:00',
    read: false,
    readAt: null,
  },
  {
    id: 5,
    title: '季度末清收工作安排',
    kind: 'notice',
    orgName: '北京分行',
    publisherName: '李北京资产',
    publishedAt: '2026-11-01T10:00:00.000+08:00',
    read: true,
    readAt: '2026-11-02T08:00:00.000+08:00',
  },
]

/** The reader side of the API: two notices, one unread; the body is what the server stored (sanitised). */
function readerServer(extra?: (call: FakeCall) => any) {
  let unread = 1
  return fakeServer((call) => {
    const custom = extra?.(call)
    if (custom) return custom
    if (call.method === 'GET' && call.path === '/api/notices/mine')
      return { status: 200, body: { data: mine, meta: { total: 2, page: 1, perPage: 8 } } }
    if (call.method === 'GET' && call.path === '/api/notices/mine/unread-count')
      return { status: 200, body: { unread } }
    const id = Number(call.path.split('/')[4])
    if (call.method === 'GET' && call.path.startsWith('/api/notices/mine/')) {
      const notice = mine.find((n) => n.id === id)!
      return {
        status: 200,
        body: { ...notice, contentHtml: '<p>今晚 <strong>22:00</strong> 起停机维护。</p>' },
      }
    }
    if (call.method === 'POST' && call.path.endsWith('/read')) {
      unread = 0
      return { status: 200, body: { id, read: true, readAt: '2026-11-20T10:00:00.000+08:00' } }
    }
    if (call.method === 'POST' && call.path === '/api/notices/mine/read-all') {
      unread = 0
      return { status: 200, body: { marked: 1, unread: 0 } }
    }
  })
}

describe('notices API functions', () => {
  it('list sends the filters the server understands and drops empty ones', async () => {
    const { calls } = fakeServer(() => ({
      status: 200,
      body: { data: [], meta: { total: 0, page: 1, perPage: 20 } },
    }))
    await listNotices({
      page: 2,
      perPage: 20,
      keyword: '',
      status: 'published',
      dateFrom: '2026-11-01',
      dateTo: undefined,
    })
    expect(calls[0].path).toBe('/api/system/notices')
    expect(Object.fromEntries(calls[0].query)).toEqual({
      page: '2',
      perPage: '20',
      status: 'published',
      dateFrom: '2026-11-01',
    })
  })

  it('publish posts the audience and its targets', async () => {
    const { calls } = fakeServer(() => ({ status: 200, body: {} }))
    await publishNotice(3, {
      audience: 'targeted',
      targets: [
        { type: 'org_and_below', id: 2 },
        { type: 'role', id: 9 },
      ],
    })
    expect(calls[0].method).toBe('POST')
    expect(calls[0].path).toBe('/api/system/notices/3/publish')
    expect(calls[0].body).toEqual({
      audience: 'targeted',
      targets: [
        { type: 'org_and_below', id: 2 },
        { type: 'role', id: 9 },
      ],
    })
  })

  it('unread count unwraps the number; mark read posts to the notice', async () => {
    const { calls } = readerServer()
    expect(await fetchUnreadCount()).toBe(1)
    await markNoticeRead(7)
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/notices/mine/7/read' })
  })
})

describe('MyNotices', () => {
  async function mountMine() {
    const pinia = signedInAs([])
    withDictionaries(KINDS)
    const wrapper = mountInConsole(MyNotices, pinia)
    await flushPromises()
    return wrapper
  }

  it('lists my notices newest first with the unread one marked, and the unread count', async () => {
    readerServer()
    const wrapper = await mountMine()
    const items = wrapper.findAll('[data-testid=my-notice]')
    expect(items).toHaveLength(2)
    expect(items[0].classes()).toContain('is-unread')
    expect(items[0].text()).toContain('紧急通知')
    expect(items[0].text()).toContain('2026-11-20')
    expect(items[1].classes()).not.toContain('is-unread')
    expect(unreadCount.value).toBe(1)
  })

  it('opening an unread notice shows its content and marks it read, once', async () => {
    const { calls } = readerServer()
    const wrapper = await mountMine()

    await wrapper.findAll('[data-testid=my-notice]')[0].trigger('click')
    await flushPromises()

    const content = document.body.querySelector('[data-testid=notice-content]') as HTMLElement
    expect(content.innerHTML).toBe('<p>今晚 <strong>22:00</strong> 起停机维护。</p>')
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/notices/mine/7/read',
    ])
    expect(wrapper.findAll('[data-testid=my-notice]')[0].classes()).not.toContain('is-unread')
    expect(unreadCount.value).toBe(0)
  })

  it('opening a notice already read sends no read mark', async () => {
    const { calls } = readerServer()
    const wrapper = await mountMine()
    await wrapper.findAll('[data-testid=my-notice]')[1].trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('"mark all read" clears the count', async () => {
    const { calls } = readerServer()
    const wrapper = await mountMine()
    await wrapper.find('[data-testid=my-notices-read-all]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/notices/mine/read-all')).toBe(
      true
    )
    expect(unreadCount.value).toBe(0)
  })

  it('says so when there is nothing to read', async () => {
    fakeServer((call) =>
      call.path === '/api/notices/mine'
        ? { status: 200, body: { data: [], meta: { total: 0, page: 1, perPage: 8 } } }
        : { status: 200, body: { unread: 0 } }
    )
    const wrapper = await mountMine()
    expect(wrapper.text()).toContain('暂无通知')
  })
})

describe('NoticeBell', () => {
  it('shows the unread count as a badge and hides it at zero', async () => {
    setUnread(0)
    readerServer()
    const wrapper = mountInConsole(NoticeBell, signedInAs([]))
    await flushPromises()
    const badge = wrapper.find('[data-testid=notice-bell-badge] sup')
    expect(badge.text()).toBe('1')
    setUnread(0)
    await flushPromises()
    const hidden = wrapper.find('[data-testid=notice-bell-badge] sup')
    expect(hidden.exists() && hidden.isVisible()).toBe(false)
    wrapper.unmount()
  })
})

describe('Notices management page', () => {
  const rows = [
    {
      id: 1,
      title: '草稿通知',
      kind: 'notice',
      status: 'draft',
      audience: 'all',
      orgName: '示范银行总行',
      creatorName: '管理员',
      publishedAt: null,
      createdAt: '2026-11-20T09:00:00.000+08:00',
    },
    {
      id: 2,
      title: '已发布通知',
      kind: 'urgent',
      status: 'published',
      audience: 'targeted',
      orgName: '示范银行总行',
      creatorName: '管理员',
      publishedAt: '2026-11-20T10:00:00.000+08:00',
      createdAt: '2026-11-20T09:00:00.000+08:00',
    },
  ]
  const PageToolbarStub = defineComponent({
    setup:
      (_, { slots }) =>
      () =>
        h('div', slots.default?.()),
  })

  async function mountPage(permissions: string[]) {
    const server = fakeServer((call) => {
      if (call.method === 'GET' && call.path === '/api/system/notices')
        return { status: 200, body: { data: rows, meta: { total: 2, page: 1, perPage: 20 } } }
      if (call.method === 'POST' && call.path.endsWith('/revoke')) return { status: 200, body: {} }
    })
    const pinia = signedInAs(permissions)
    withDictionaries(KINDS)
    const wrapper = mountInConsole(Notices, pinia, {
      global: { stubs: { PageToolbar: PageToolbarStub } },
    })
    await flushPromises()
    return { wrapper, ...server }
  }

  it('offers edit, publish and delete on drafts and revoke on published notices, as granted', async () => {
    const { wrapper } = await mountPage([
      'system:notice:list',
      'system:notice:update',
      'system:notice:publish',
      'system:notice:delete',
      'system:notice:revoke',
      'system:notice:create',
    ])
    expect(wrapper.find('[data-testid=notice-create]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid=notice-edit]')).toHaveLength(1)
    expect(wrapper.findAll('[data-testid=notice-publish]')).toHaveLength(1)
    expect(wrapper.findAll('[data-testid=notice-delete]')).toHaveLength(1)
    expect(wrapper.findAll('[data-testid=notice-revoke]')).toHaveLength(1)
  })

  it('is read-only with the list permission alone', async () => {
    const { wrapper } = await mountPage(['system:notice:list'])
    for (const id of [
      'notice-create',
      'notice-edit',
      'notice-publish',
      'notice-delete',
      'notice-revoke',
    ])
      expect(wrapper.find(`[data-testid=${id}]`).exists()).toBe(false)
    expect(wrapper.text()).toContain('草稿通知')
  })

  it('revokes after confirmation and reloads the list', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as any)
    const { wrapper, calls } = await mountPage(['system:notice:list', 'system:notice:revoke'])
    await wrapper.find('[data-testid=notice-revoke]').trigger('click')
    await flushPromises()
    expect(
      calls.some((c) => c.method === 'POST' && c.path === '/api/system/notices/2/revoke')
    ).toBe(true)
    expect(
      calls.filter((c) => c.method === 'GET' && c.path === '/api/system/notices')
    ).toHaveLength(2)
  })
})
