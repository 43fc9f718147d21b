import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import { createAppRouter } from '@/router'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import { installDirectives } from '@/directives/permission'
import { fakeServer, flushPromises } from '../../../../tests/helpers'

/* 单点登录 landing: the ticket opens a session and the portal's page; a refused one says why. */
const me = {
  user: {
    id: 1,
    username: 'bj_asset',
    realName: '张三',
    orgId: 2,
    orgName: '北京分行',
    locale: 'zh-CN',
    mustChangePassword: false,
  },
  roles: [],
  permissions: ['system:user:list'],
  menus: [
    {
      code: 'system',
      type: 'directory',
      name: { zh: '系统管理', en: 'System' },
      path: '/system',
      page: null,
      icon: 'Setting',
      children: [
        {
          code: 'system:users',
          type: 'page',
          name: { zh: '用户管理', en: 'Users' },
          path: '/system/users',
          page: 'system/Users',
          icon: 'User',
          children: [],
        },
      ],
    },
  ],
}
async function land(url: string, answer: { status: number; body: unknown }) {
  const server = fakeServer((call) => {
    if (call.path === '/api/auth/sso') return answer
    if (call.path === '/api/me') return { status: 200, body: me }
    // 首页 after landing without a redirect: an empty workbench.
    if (call.path === '/api/dashboard/layout')
      return { status: 200, body: { items: [], custom: false } }
    if (call.path === '/api/dashboard/shortcuts')
      return { status: 200, body: { codes: [], custom: false, options: [] } }
    return { status: 200, body: { data: [], meta: { total: 0, page: 1, perPage: 20 } } }
  })
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push(url)
  const wrapper = mount(
    { template: '<router-view />' },
    { global: { plugins: [pinia, i18n, ElementPlus, router, { install: installDirectives }] } }
  )
  await flushPromises()
  await flushPromises()
  return { server, router, wrapper }
}

describe('SSO landing page', () => {
  it('exchanges the ticket and opens the page the portal asked for, without the ticket', async () => {
    const { server, router, wrapper } = await land('/sso?ticket=abc.def&redirect=/system/users', {
      status: 200,
      body: {
        user: { id: 1, username: 'bj_asset', realName: '张三' },
        mustChangePassword: false,
      },
    })
    // Navigation loads the page's chunk: wait for it rather than count ticks.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/system/users'), {
      timeout: 15_000,
    })
    const call = server.calls.find((c) => c.path === '/api/auth/sso')!
    expect(call.body).toEqual({ provider: 'portal', ticket: 'abc.def' })
    expect(router.currentRoute.value.fullPath).toBe('/system/users')
    expect(router.currentRoute.value.fullPath).not.toContain('ticket')
    wrapper.unmount()
  }, 20_000)

  it('never follows a redirect out of the console', async () => {
    const { server, router, wrapper } = await land('/sso?ticket=t&redirect=//evil.example/x', {
      status: 200,
      body: { user: { id: 1, username: 'bj_asset', realName: '张三' }, mustChangePassword: false },
    })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/'), { timeout: 15_000 })
    // Let 首页 finish loading before the next test replaces the fake server.
    await vi.waitFor(
      () => expect(server.calls.some((c) => c.path === '/api/dashboard/layout')).toBe(true),
      { timeout: 15_000 }
    )
    await flushPromises()
    wrapper.unmount()
  }, 20_000)

  it('a refused ticket shows the reason and offers the sign-in form', async () => {
    const { router, wrapper } = await land('/sso?ticket=used&redirect=/system/users', {
      status: 400,
      body: { message: '单点登录票据无效或已过期' },
    })
    await vi.waitFor(() => expect(wrapper.text()).toContain('单点登录未成功'), { timeout: 15_000 })
    expect(wrapper.text()).toContain('单点登录票据无效或已过期')
    expect(router.currentRoute.value.fullPath).toBe('/sso?redirect=/system/users')
    await wrapper.find('[data-testid=sso-to-login]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login'), {
      timeout: 15_000,
    })
    expect(router.currentRoute.value.query.redirect).toBe('/system/users')
    wrapper.unmount()
  }, 20_000)
})
