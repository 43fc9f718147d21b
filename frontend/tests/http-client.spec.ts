import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { ApiError, buildUrl, http, ValidationError } from '@/api/http'
import { csrfToken } from '@/areas/identity/session'
import { setLocale } from '@/i18n'
import { installSessionExpiry } from '@/router/guard'
import { useAuthStore } from '@/stores/auth'
import { fakeServer, flushPromises, withSessionCookie } from './helpers'

const Blank = { template: '<div />' }

function consoleRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/login', name: 'login', component: Blank },
      { path: '/loans', component: Blank },
    ],
  })
}

describe('API client', () => {
  it('sends the CSRF token, cookie mode and the console language, never a bearer token', async () => {
    withSessionCookie('abc')
    setLocale('en')
    const { calls, fetchMock } = fakeServer(() => ({ status: 200, body: { ok: true } }))

    await http.get('/me')
    await http.post('/loan-notes/notes', { a: 1 })

    expect(calls[0].url).toBe('/api/me')
    for (const call of calls) {
      expect(call.headers.Authorization).toBeUndefined()
      expect(call.headers['X-CSRF-Token']).toBe('abc')
      expect(call.headers['X-Auth-Mode']).toBe('cookie')
      expect(call.headers['Accept-Language']).toBe('en')
    }
    // The HttpOnly session cookie goes by itself: same-origin credentials.
    expect(fetchMock.mock.calls[1][1]).toMatchObject({ credentials: 'same-origin' })
  })

  it('leaves empty filters out of the query string', () => {
    expect(
      buildUrl('/loan-notes/notes', { page: 1, perPage: 20, keyword: '', sort: undefined })
    ).toBe('/api/loan-notes/notes?page=1&perPage=20')
  })

  it('on 401 clears the token and sends the user to login, remembering where they were', async () => {
    setActivePinia(createPinia())
    const router = consoleRouter()
    installSessionExpiry(router)
    await router.push('/loans?page=2')
    withSessionCookie('expired')
    useAuthStore().signedIn = true
    fakeServer(() => ({ status: 401, body: { message: '登录已过期' } }))

    await expect(http.get('/loan-notes/notes')).rejects.toMatchObject({
      status: 401,
      handled: true,
    })
    await flushPromises()

    expect(csrfToken()).toBeNull()
    expect(useAuthStore().signedIn).toBe(false)
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query.redirect).toBe('/loans?page=2')
  })

  it('on 422 throws a ValidationError with one message per field and shows no toast', async () => {
    const toast = vi.spyOn(ElMessage, 'error')
    fakeServer(() => ({
      status: 422,
      body: {
        message: '数据校验失败',
        errors: [
          { field: 'principal', rule: 'regex', message: '本金格式不正确' },
          { field: 'principal', rule: 'required', message: '本金不能为空' },
          { field: 'borrowerName', rule: 'required', message: '借款人不能为空' },
        ],
      },
    }))

    const error: any = await http.post('/loan-notes/notes', {}).catch((e: any) => e)

    expect(error).toBeInstanceOf(ValidationError)
    expect(error.fields).toEqual({ principal: '本金格式不正确', borrowerName: '借款人不能为空' })
    expect(toast).not.toHaveBeenCalled()
  })

  it('on 403 shows the server message and rejects as already handled', async () => {
    const toast = vi.spyOn(ElMessage, 'error')
    withSessionCookie('abc')
    fakeServer(() => ({ status: 403, body: { message: '没有权限：loan-notes:note:delete' } }))

    const error: any = await http.delete('/loan-notes/notes/1').catch((e: any) => e)

    expect(toast).toHaveBeenCalledWith('没有权限：loan-notes:note:delete')
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 403, handled: true })
    expect(csrfToken()).toBe('abc')
  })

  it('silent requests leave the message to the caller', async () => {
    const toast = vi.spyOn(ElMessage, 'error')
    fakeServer(() => ({ status: 400, body: { message: '用户名或密码错误' } }))

    const error: any = await http.post('/auth/login', {}, { silent: true }).catch((e: any) => e)

    expect(error.message).toBe('用户名或密码错误')
    expect(toast).not.toHaveBeenCalled()
  })

  it('treats 204 as no content', async () => {
    fakeServer(() => ({ status: 204 }))
    await expect(http.delete('/loan-notes/notes/1')).resolves.toBeUndefined()
  })

  it('reports a network failure in the current language', async () => {
    const toast = vi.spyOn(ElMessage, 'error')
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))

    await expect(http.get('/me')).rejects.toMatchObject({ status: 0 })
    expect(toast).toHaveBeenCalledWith('网络异常，请检查网络连接')
  })
})
