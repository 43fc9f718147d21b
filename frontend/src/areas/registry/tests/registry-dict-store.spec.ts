import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { DICT_CHECK_MIN_MS, useDictStore } from '@/stores/dict'
import { setLocale } from '@/i18n'
import { fakeServer, flushPromises } from '../../../../tests/helpers'

/*
| The console's dictionaries follow administrators' changes: the store keeps the
| server's version token and refetches when the server reports another one.
*/
const statusV1 = [
  { code: 'active', label: { zh: '启用', en: 'Active' }, color: 'success', enabled: true },
  { code: 'frozen', label: { zh: '冻结', en: 'Frozen' }, color: null, enabled: false },
]
const statusV2 = [
  { code: 'active', label: { zh: '在用', en: 'In use' }, color: 'success', enabled: true },
]

/** A server whose dictionaries (and version) the test can change. */
function dictionaryServer() {
  const state = {
    version: 'v1',
    dictionaries: { common_status: statusV1 } as Record<string, unknown>,
  }
  const server = fakeServer((call) => {
    if (call.path === '/api/dictionaries/version')
      return { status: 200, body: { version: state.version } }
    if (call.path === '/api/dictionaries') {
      expect(call.query.get('withVersion')).toBe('true')
      return { status: 200, body: { version: state.version, dictionaries: state.dictionaries } }
    }
    return undefined
  })
  const count = (path: string) => server.calls.filter((c) => c.path === path).length
  return { state, count }
}

function freshStore() {
  setActivePinia(createPinia())
  return useDictStore()
}

describe('dictionary store', () => {
  it('loads dictionaries with their version; selects skip disabled items, labels keep them', async () => {
    dictionaryServer()
    const dict = freshStore()
    await dict.load()
    expect(dict.version).toBe('v1')
    expect(dict.items('common_status').map((i) => i.code)).toEqual(['active'])
    // A code already stored in business data still shows its label after the item is disabled.
    expect(dict.label('common_status', 'frozen')).toBe('冻结')
    setLocale('en')
    expect(dict.label('common_status', 'frozen')).toBe('Frozen')
    dict.reset()
  })

  it('refetches only when the server reports another version', async () => {
    const server = dictionaryServer()
    const dict = freshStore()
    await dict.load()

    expect(await dict.refreshIfChanged({ force: true })).toBe(false)
    expect(server.count('/api/dictionaries')).toBe(1)

    server.state.version = 'v2'
    server.state.dictionaries = { common_status: statusV2 }
    expect(await dict.refreshIfChanged({ force: true })).toBe(true)
    expect(server.count('/api/dictionaries')).toBe(2)
    expect(dict.version).toBe('v2')
    expect(dict.label('common_status', 'active')).toBe('在用')
    dict.reset()
  })

  it('checks again when the tab comes back into view, but not more often than the floor', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const server = dictionaryServer()
    const dict = freshStore()
    await dict.load()
    server.state.version = 'v2'
    server.state.dictionaries = { common_status: statusV2 }

    document.dispatchEvent(new Event('visibilitychange'))
    await flushPromises()
    expect(server.count('/api/dictionaries/version')).toBe(0)

    vi.setSystemTime(Date.now() + DICT_CHECK_MIN_MS + 1)
    document.dispatchEvent(new Event('visibilitychange'))
    await flushPromises()
    expect(server.count('/api/dictionaries/version')).toBe(1)
    expect(dict.label('common_status', 'active')).toBe('在用')

    // Signed out: no more checks.
    dict.reset()
    vi.setSystemTime(Date.now() + DICT_CHECK_MIN_MS + 1)
    document.dispatchEvent(new Event('visibilitychange'))
    await flushPromises()
    expect(server.count('/api/dictionaries/version')).toBe(1)
  })

  it('still renders labels from a server that sends the plain map without a version', async () => {
    fakeServer((call) =>
      call.path === '/api/dictionaries'
        ? {
            status: 200,
            body: {
              common_status: [{ code: 'active', label: { zh: '启用', en: 'Active' }, color: null }],
            },
          }
        : undefined
    )
    const dict = freshStore()
    await dict.load()
    expect(dict.version).toBeNull()
    expect(dict.items('common_status')).toHaveLength(1)
    expect(dict.label('common_status', 'active')).toBe('启用')
    dict.reset()
  })
})
