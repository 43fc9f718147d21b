/* Every test starts signed out, in Chinese, with real fetch restored. */
import { afterEach, beforeEach, vi } from 'vitest'
import { setLocale } from '@/i18n'
import { forgetSession } from '@/areas/identity/session'

// Element Plus measures layout with ResizeObserver, which jsdom lacks.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver

beforeEach(() => {
  forgetSession()
  localStorage.clear()
  setLocale('zh-CN')
  localStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.useRealTimers()
  document.body.innerHTML = ''
})
