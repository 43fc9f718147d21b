/* Small DSL so specs read like the behaviour they check. */
import { vi } from 'vitest'
import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Component } from 'vue'
import { i18n } from '@/i18n'
import { installDirectives } from '@/directives/permission'
import { useAuthStore } from '@/stores/auth'
import { useDictStore } from '@/stores/dict'
import type { Dictionaries } from '@/api/types'
import { CSRF_COOKIE } from '@/areas/identity/session'

export interface FakeCall {
  method: string
  url: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  body: any
}

type Reply = { status: number; body?: unknown } | undefined
export type FakeApi = (call: FakeCall) => Reply | Promise<Reply>

/** Replaces fetch with a fake server; every request is recorded in `calls`. */
export function fakeServer(api: FakeApi) {
  const calls: FakeCall[] = []
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://console.test')
    const call: FakeCall = {
      method: init.method ?? 'GET',
      url: input,
      path: url.pathname,
      query: url.searchParams,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    }
    calls.push(call)
    const reply = (await api(call)) ?? { status: 404, body: { message: 'Not found' } }
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
    return new Response(reply.status === 204 ? null : text, {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}

export function signedInAs(permissions: string[], pinia: Pinia = createPinia()): Pinia {
  setActivePinia(pinia)
  const auth = useAuthStore()
  auth.signedIn = true
  auth.permissions = permissions
  auth.loaded = true
  return pinia
}

/** What the server's sign-in answer leaves in the browser that script can see: the CSRF cookie. */
export function withSessionCookie(csrf = 'csrf-test'): void {
  document.cookie = `${CSRF_COOKIE}=${csrf}; Path=/`
}

export function withDictionaries(dictionaries: Dictionaries): void {
  useDictStore().dictionaries = dictionaries
}

export function mountInConsole<T extends Component>(
  component: T,
  pinia: Pinia,
  options: ComponentMountingOptions<T> = {}
) {
  return mount(component as any, {
    attachTo: document.body,
    ...options,
    global: {
      plugins: [pinia, i18n, ElementPlus, { install: installDirectives }],
      ...(options.global ?? {}),
    },
  })
}

export { flushPromises }
