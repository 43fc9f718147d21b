import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import { csrfToken } from '@/areas/identity/session'
import { CHANGE_PASSWORD_ROUTE } from '@/router/guard'
import { useAuthStore } from '@/stores/auth'
import ChangePasswordView from '@/areas/identity/views/ChangePasswordView.vue'
import {
  fakeServer,
  flushPromises,
  withSessionCookie,
  type FakeApi,
} from '../../../../tests/helpers'

const Blank = { template: '<div />' }
const user = {
  id: 9,
  username: 'newbie',
  realName: '王五',
  orgId: 1,
  orgName: '总行',
  locale: 'zh-CN',
}
const fullMe = {
  user: { ...user, mustChangePassword: false },
  roles: [],
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

/** The password form as a restricted session (reason from the login answer) sees it. */
async function openForm(api: FakeApi, reason: 'initial' | 'expired' | null = 'initial') {
  const server = fakeServer(api)
  const pinia = createPinia()
  setActivePinia(pinia)
  withSessionCookie('csrf-restricted')
  const auth = useAuthStore()
  auth.signedIn = true
  auth.user = { ...user, mustChangePassword: true }
  auth.loaded = true
  auth.passwordChangeReason = reason
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        name: 'layout',
        component: Blank,
        children: [
          { path: 'change-password', name: CHANGE_PASSWORD_ROUTE, component: Blank },
          { path: 'loans', component: Blank },
        ],
      },
    ],
  })
  await router.push('/change-password?redirect=/loans')
  const wrapper = mount(ChangePasswordView, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router] },
  })
  await flushPromises()
  const fill = async (values: { old: string; new: string; confirm: string }) => {
    await wrapper.find('input[data-testid=password-old]').setValue(values.old)
    await wrapper.find('input[data-testid=password-new]').setValue(values.new)
    await wrapper.find('input[data-testid=password-confirm]').setValue(values.confirm)
  }
  const submit = async () => {
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    await flushPromises()
  }
  /** Element Plus debounces showing a form-item error, hence waitFor. */
  const errorOf = (testid: string, text: string) =>
    vi.waitFor(() =>
      expect(
        wrapper
          .find(`input[data-testid=${testid}]`)
          .element.closest('.el-form-item')
          ?.querySelector('.el-form-item__error')?.textContent
      ).toContain(text)
    )
  return { ...server, wrapper, router, fill, submit, errorOf }
}

const posts = (calls: { method: string; path: string }[]) =>
  calls.filter((c) => c.method === 'POST' && c.path === '/api/auth/password')

describe('change password form', () => {
  it('says why the change is required', async () => {
    const initial = await openForm(() => undefined, 'initial')
    expect(initial.wrapper.find('[data-testid=password-reason]').text()).toContain('初始密码')
    initial.wrapper.unmount()

    const expired = await openForm(() => undefined, 'expired')
    expect(expired.wrapper.find('[data-testid=password-reason]').text()).toContain('密码已过期')
    expired.wrapper.unmount()

    // After a reload /api/me only says that a change is due.
    const unknown = await openForm(() => undefined, null)
    expect(unknown.wrapper.find('[data-testid=password-reason]').text()).toContain('请先修改密码')
  })

  it('checks the confirmation before asking the server', async () => {
    const form = await openForm(() => undefined)
    await form.fill({ old: 'Init@12345', new: 'Better@2024x', confirm: 'Better@2024y' })
    await form.submit()

    await form.errorOf('password-confirm', '两次输入的新密码不一致')

    await form.fill({ old: 'Init@12345', new: 'Init@12345', confirm: 'Init@12345' })
    await form.submit()
    await form.errorOf('password-new', '新密码不能与原密码相同')

    expect(posts(form.calls)).toHaveLength(0)
  })

  it('shows the server policy messages on the fields they concern', async () => {
    let answer = 0
    const form = await openForm((call) => {
      if (call.path !== '/api/auth/password') return undefined
      answer++
      return answer === 1
        ? {
            status: 422,
            body: {
              message: '数据校验失败',
              errors: [
                { field: 'newPassword', rule: 'minLength', message: '密码长度不能少于 10 位' },
                { field: 'newPassword', rule: 'classes', message: '密码须包含大写字母' },
              ],
            },
          }
        : {
            status: 422,
            body: {
              message: '数据校验失败',
              errors: [{ field: 'oldPassword', rule: 'password', message: '原密码不正确' }],
            },
          }
    })
    await form.fill({ old: 'Init@12345', new: 'short', confirm: 'short' })
    await form.submit()

    expect(posts(form.calls)[0]).toMatchObject({
      body: { oldPassword: 'Init@12345', newPassword: 'short' },
    })
    await form.errorOf('password-new', '密码长度不能少于 10 位')

    await form.fill({ old: 'Wrong@12345', new: 'Better@2024x', confirm: 'Better@2024x' })
    await form.submit()
    await form.errorOf('password-old', '原密码不正确')
    expect(csrfToken()).toBe('csrf-restricted')
    expect(form.router.currentRoute.value.name).toBe(CHANGE_PASSWORD_ROUTE)
  })

  it('on success stores the new session, reloads /api/me and goes to the page first asked for', async () => {
    vi.spyOn(ElMessage, 'success').mockImplementation((() => {}) as any)
    const form = await openForm((call) => {
      if (call.path === '/api/auth/password') {
        // The server replaces the session cookies with those of the full session.
        withSessionCookie('csrf-full')
        return { status: 200, body: {} }
      }
      if (call.path === '/api/me') {
        // The new session, not the spent restricted one, must read /api/me.
        return call.headers['X-CSRF-Token'] === 'csrf-full'
          ? { status: 200, body: fullMe }
          : { status: 401, body: { message: '登录已过期' } }
      }
      if (call.path === '/api/dictionaries') return { status: 200, body: {} }
    })
    await form.fill({ old: 'Init@12345', new: 'Better@2024x', confirm: 'Better@2024x' })
    await form.submit()

    expect(csrfToken()).toBe('csrf-full')
    const auth = useAuthStore()
    expect(auth.mustChangePassword).toBe(false)
    expect(auth.permissions).toEqual(['system:user:list'])
    expect(auth.passwordChangeReason).toBeNull()
    expect(form.router.hasRoute('menu:system:users')).toBe(true)
    expect(form.calls.some((c) => c.path === '/api/dictionaries')).toBe(true)
    expect(form.router.currentRoute.value.fullPath).toBe('/loans')
  })
})
