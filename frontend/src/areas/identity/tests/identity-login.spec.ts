import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { csrfToken } from '@/areas/identity/session'
import { CHANGE_PASSWORD_ROUTE } from '@/router/guard'
import { useAuthStore } from '@/stores/auth'
import { formatDateTime } from '@/utils/date'
import LoginView from '@/areas/identity/views/LoginView.vue'
import {
  fakeServer,
  flushPromises,
  withSessionCookie,
  type FakeApi,
} from '../../../../tests/helpers'

const Blank = { template: '<div />' }

async function openLogin(api: FakeApi) {
  const server = fakeServer(api)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginView },
      { path: '/change-password', name: CHANGE_PASSWORD_ROUTE, component: Blank },
      { path: '/loans', component: Blank },
      { path: '/', component: Blank },
    ],
  })
  await router.push('/login?redirect=/loans')
  const wrapper = mount(LoginView, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router] },
  })
  await flushPromises()

  const fill = async (testid: string, value: string) =>
    wrapper.find(`input[data-testid=${testid}]`).setValue(value)
  const submit = async () => {
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    await flushPromises()
  }
  return { ...server, wrapper, router, fill, submit }
}

const logins = (calls: { method: string; path: string; body: any }[]) =>
  calls.filter((c) => c.method === 'POST' && c.path === '/api/auth/login').map((c) => c.body)

describe('login with captcha, lockout and forced password change', () => {
  it('shows a captcha after a failure that requires one, and sends its answer', async () => {
    let captchas = 0
    let attempts = 0
    const page = await openLogin((call) => {
      if (call.path === '/api/auth/captcha') {
        captchas++
        return {
          status: 200,
          body: { id: `cap-${captchas}`, image: `data:image/png;base64,Q${captchas}` },
        }
      }
      if (call.path === '/api/auth/login') {
        attempts++
        if (attempts === 1)
          return {
            status: 400,
            body: { message: '用户名或密码错误', code: 'INVALID', captchaRequired: true },
          }
        if (attempts === 2)
          return {
            status: 400,
            body: {
              message: '验证码错误或已过期，请重新输入',
              code: 'CAPTCHA',
              captchaRequired: true,
            },
          }
        // The server's answer sets the session cookies; the body carries no token.
        withSessionCookie('csrf-full')
        return {
          status: 200,
          body: {
            user: { id: 3, username: 'clerk', realName: '李四' },
            mustChangePassword: false,
          },
        }
      }
    })

    expect(page.wrapper.find('[data-testid=login-captcha-row]').exists()).toBe(false)
    await page.fill('login-username', 'clerk')
    await page.fill('login-password', 'wrong')
    await page.submit()

    // First failure: no captcha was asked for yet, so none was sent.
    expect(logins(page.calls)[0]).toEqual({ username: 'clerk', password: 'wrong' })
    expect(page.wrapper.find('[data-testid=login-error]').text()).toContain('用户名或密码错误')
    expect(page.wrapper.find('[data-testid=login-captcha-row]').exists()).toBe(true)
    expect(page.wrapper.find('[data-testid=login-captcha-refresh] img').attributes('src')).toBe(
      'data:image/png;base64,Q1'
    )

    await page.fill('login-password', 'Right@12345')
    await page.fill('login-captcha', 'XXXX')
    await page.submit()

    expect(logins(page.calls)[1]).toEqual({
      username: 'clerk',
      password: 'Right@12345',
      captchaId: 'cap-1',
      captchaAnswer: 'XXXX',
    })
    expect(page.wrapper.find('[data-testid=login-error]').text()).toContain('验证码错误')
    // The spent captcha is replaced and its answer cleared.
    expect(page.wrapper.find('[data-testid=login-captcha-refresh] img').attributes('src')).toBe(
      'data:image/png;base64,Q2'
    )
    expect(
      (page.wrapper.find('input[data-testid=login-captcha]').element as HTMLInputElement).value
    ).toBe('')

    await page.fill('login-captcha', ' K7PZ ')
    await page.submit()

    expect(logins(page.calls)[2]).toMatchObject({ captchaId: 'cap-2', captchaAnswer: 'K7PZ' })
    expect(csrfToken()).toBe('csrf-full')
    expect(useAuthStore().signedIn).toBe(true)
    // Sign-in asks for a cookie session; nothing of the session lands in web storage.
    expect(page.calls.find((c) => c.path === '/api/auth/login')!.headers['X-Auth-Mode']).toBe(
      'cookie'
    )
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
    expect(page.router.currentRoute.value.fullPath).toBe('/loans')
  })

  it('clicking the captcha image fetches another', async () => {
    let captchas = 0
    const page = await openLogin((call) => {
      if (call.path === '/api/auth/captcha') {
        captchas++
        return {
          status: 200,
          body: { id: `cap-${captchas}`, image: `data:image/png;base64,Q${captchas}` },
        }
      }
      if (call.path === '/api/auth/login')
        return {
          status: 400,
          body: { message: '请输入图形验证码', code: 'CAPTCHA', captchaRequired: true },
        }
    })
    await page.fill('login-username', 'clerk')
    await page.fill('login-password', 'x')
    await page.submit()

    await page.wrapper.find('[data-testid=login-captcha-refresh]').trigger('click')
    await flushPromises()

    expect(page.wrapper.find('[data-testid=login-captcha-refresh] img').attributes('src')).toBe(
      'data:image/png;base64,Q2'
    )
  })

  it('says until when a locked account stays locked', async () => {
    const lockedUntil = '2024-05-01T02:30:00.000Z'
    const page = await openLogin((call) =>
      call.path === '/api/auth/login'
        ? {
            status: 400,
            body: {
              message: '账号已锁定，请于 10:30 后再试',
              code: 'LOCKED',
              captchaRequired: false,
              lockedUntil,
            },
          }
        : undefined
    )
    await page.fill('login-username', 'clerk')
    await page.fill('login-password', 'x')
    await page.submit()

    expect(page.wrapper.find('[data-testid=login-error]').text()).toBe(
      `账号已锁定，请于 ${formatDateTime(lockedUntil)} 后再试`
    )
    expect(page.wrapper.find('[data-testid=login-captcha-row]').exists()).toBe(false)
    expect(page.router.currentRoute.value.name).toBe('login')
  })

  it('sends a session that must change its password to the password form, keeping the target', async () => {
    const page = await openLogin((call) =>
      call.path === '/api/auth/login'
        ? {
            status: 200,
            body: {
              user: { id: 9, username: 'newbie', realName: '王五' },
              mustChangePassword: true,
              passwordChangeReason: 'initial',
            },
          }
        : undefined
    )
    await page.fill('login-username', 'newbie')
    await page.fill('login-password', 'Init@12345')
    await page.submit()

    expect(page.router.currentRoute.value.name).toBe(CHANGE_PASSWORD_ROUTE)
    expect(page.router.currentRoute.value.query.redirect).toBe('/loans')
    expect(useAuthStore().signedIn).toBe(true)
    expect(useAuthStore().passwordChangeReason).toBe('initial')
  })
})
