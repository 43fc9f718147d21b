import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import { ApiError, http } from '@/api/http'
import { createAppRouter } from '@/router'
import { CHANGE_PASSWORD_ROUTE } from '@/router/guard'
import { useAuthStore } from '@/stores/auth'
import { fakeServer, flushPromises, withSessionCookie } from '../../../../tests/helpers'

const user = {
  id: 9,
  username: 'newbie',
  realName: '王五',
  orgId: 1,
  orgName: '总行',
  locale: 'zh-CN',
}
/** What /api/me answers for a session held at the password form. */
const restrictedMe = {
  user: { ...user, mustChangePassword: true },
  roles: [{ code: 'clerk', name: '业务员' }],
  permissions: [],
  menus: [],
}
const fullMe = {
  user: { ...user, mustChangePassword: false },
  roles: [{ code: 'clerk', name: '业务员' }],
  permissions: ['system:user:list'],
  menus: [
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
}

function signedInWithToken(csrf: string) {
  withSessionCookie(csrf)
  setActivePinia(createPinia())
  useAuthStore().signedIn = true
}

describe('a session that must change its password', () => {
  it('reaches only the password form, coming back to the wanted page afterwards', async () => {
    signedInWithToken('restricted')
    const { calls } = fakeServer((call) =>
      call.path === '/api/me' ? { status: 200, body: restrictedMe } : { status: 200, body: {} }
    )
    const router = createAppRouter(createMemoryHistory())

    await router.push('/system/users')
    expect(router.currentRoute.value.name).toBe(CHANGE_PASSWORD_ROUTE)
    expect(router.currentRoute.value.query.redirect).toBe('/system/users')

    await router.push('/')
    expect(router.currentRoute.value.name).toBe(CHANGE_PASSWORD_ROUTE)
    expect(router.currentRoute.value.query.redirect).toBeUndefined()

    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe(CHANGE_PASSWORD_ROUTE)

    await router.push('/login')
    expect(router.currentRoute.value.name).toBe('login')

    // Dictionaries would answer 403 for this session; they load after the change.
    expect(calls.map((c) => c.path)).toEqual(['/api/me'])
  })

  it('lets a full session go anywhere, the password form included', async () => {
    signedInWithToken('full')
    fakeServer((call) =>
      call.path === '/api/me' ? { status: 200, body: fullMe } : { status: 200, body: {} }
    )
    const router = createAppRouter(createMemoryHistory())

    await router.push('/system/users')
    expect(router.currentRoute.value.name).toBe('menu:system:users')
    await router.push('/change-password')
    expect(router.currentRoute.value.name).toBe(CHANGE_PASSWORD_ROUTE)
  })

  it('an API answer PASSWORD_CHANGE_REQUIRED routes to the password form instead of a toast', async () => {
    signedInWithToken('shared')
    let restricted = false
    const { calls } = fakeServer((call) => {
      if (call.path === '/api/me') return { status: 200, body: restricted ? restrictedMe : fullMe }
      if (call.path === '/api/dictionaries') return { status: 200, body: {} }
      return { status: 403, body: { message: '请先修改密码', code: 'PASSWORD_CHANGE_REQUIRED' } }
    })
    const toast = vi.spyOn(ElMessage, 'error')
    const router = createAppRouter(createMemoryHistory())
    await router.push('/system/users?page=2')
    // Another tab signed in again; the shared session is now a restricted one.
    restricted = true

    const error: any = await http.get('/system/users').catch((e: unknown) => e)
    await flushPromises()
    await flushPromises()

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 403, handled: true })
    expect(toast).not.toHaveBeenCalled()
    expect(router.currentRoute.value.name).toBe(CHANGE_PASSWORD_ROUTE)
    expect(router.currentRoute.value.query.redirect).toBe('/system/users?page=2')
    // /api/me was read again, so the menus of the full session are gone.
    expect(calls.filter((c) => c.path === '/api/me')).toHaveLength(2)
    expect(useAuthStore().menus).toEqual([])
    expect(router.hasRoute('menu:system:users')).toBe(false)
  })

  it('a plain 403 (missing permission) still shows the server message', async () => {
    signedInWithToken('full')
    fakeServer(() => ({ status: 403, body: { message: '没有权限：system:session:kick' } }))
    const toast = vi.spyOn(ElMessage, 'error')

    await http.delete('/system/sessions/5').catch(() => {})

    expect(toast).toHaveBeenCalledWith('没有权限：system:session:kick')
  })
})
