import { describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { csrfToken } from '@/areas/identity/session'
import { createAppRouter } from '@/router'
import { useAuthStore } from '@/stores/auth'
import { fakeServer, withSessionCookie } from '../../../../tests/helpers'

const me = {
  user: {
    id: 1,
    username: 'admin',
    realName: '系统管理员',
    orgId: 1,
    orgName: '总行',
    locale: 'zh-CN',
    mustChangePassword: false,
  },
  roles: [{ code: 'admin', name: '超级管理员' }],
  permissions: ['*'],
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

describe('navigation guard', () => {
  it('sends visitors without a session to login with the page they wanted', async () => {
    setActivePinia(createPinia())
    const router = createAppRouter(createMemoryHistory())
    await router.push('/system/users')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/system/users')
  })

  it('loads /api/me, adds the menu routes and lands on the requested menu page', async () => {
    setActivePinia(createPinia())
    withSessionCookie('t')
    useAuthStore().signedIn = true
    fakeServer((call) =>
      call.path === '/api/me'
        ? { status: 200, body: me }
        : call.path === '/api/dictionaries'
          ? { status: 200, body: {} }
          : undefined
    )
    const router = createAppRouter(createMemoryHistory())

    await router.push('/system/users')

    expect(router.currentRoute.value.name).toBe('menu:system:users')
    expect(router.currentRoute.value.meta.title).toEqual({ zh: '用户管理', en: 'Users' })
    expect(useAuthStore().user?.realName).toBe('系统管理员')
  })

  it('shows 404 for paths that are not menu pages', async () => {
    setActivePinia(createPinia())
    withSessionCookie('t')
    useAuthStore().signedIn = true
    fakeServer((call) =>
      call.path === '/api/me' ? { status: 200, body: me } : { status: 200, body: {} }
    )
    const router = createAppRouter(createMemoryHistory())

    await router.push('/no/such/page')

    expect(router.currentRoute.value.name).toBe('not-found')
  })

  it('returns to login when the session is no longer valid', async () => {
    setActivePinia(createPinia())
    withSessionCookie('stale')
    useAuthStore().signedIn = true
    fakeServer(() => ({ status: 401, body: { message: 'Unauthorized' } }))
    const router = createAppRouter(createMemoryHistory())

    await router.push('/system/users')

    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/system/users')
    expect(csrfToken()).toBeNull()
  })
})
