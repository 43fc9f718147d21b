import { describe, expect, it, vi } from 'vitest'
import InterfaceTests from '@/areas/interface-tests/pages/system/InterfaceTests.vue'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from '../../../../tests/helpers'

/* 接口测试 page: the sample payload fills the editor, a run shows the masked answer as text. */
const stub = { global: { stubs: { PageToolbar: { template: '<div><slot /></div>' } } } }

const IFACE = {
  system: 'core-banking',
  systemName: { zh: '核心系统', en: 'Core banking' },
  interface: 'balance',
  name: { zh: '余额查询', en: 'Balance' },
  method: 'POST',
  path: '/loans/balance',
  moneyChanging: false,
  runnable: true,
  baseUrl: 'http://127.0.0.1:4100/core-banking',
  request: { type: 'object', properties: { loanNo: { type: 'string' } } },
  response: null,
  sample: { loanNo: 'test' },
}

describe('InterfaceTests page', () => {
  it('runs the chosen interface with the edited payload and shows the answer as text', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.endsWith('/interfaces')) return { status: 200, body: { data: [IFACE] } }
      if (call.path.endsWith('/cases')) return { status: 200, body: { data: [] } }
      if (call.path.endsWith('/run'))
        return {
          status: 200,
          body: {
            ok: true,
            durationMs: 12,
            correlationId: 'iftest:1',
            request: '{"loanNo":"L1"}',
            response: '{"retCode":"0000","name":"<img src=x onerror=alert(1)>"}',
            error: null,
          },
        }
    })
    const wrapper = mountInConsole(InterfaceTests, signedInAs(['*']), stub)
    const vm = wrapper.vm as any
    await vi.waitFor(() => expect(vm.interfaces.length).toBe(1))
    vm.choose('core-banking.balance')
    await flushPromises()
    const editor = wrapper.find('textarea[data-testid=iftest-payload]')
    expect(JSON.parse((editor.element as HTMLTextAreaElement).value)).toEqual({ loanNo: 'test' })
    await editor.setValue('{"loanNo":"L1"}')
    await wrapper.find('[data-testid=iftest-run]').trigger('click')
    await flushPromises()
    const run = calls.find((c) => c.path.endsWith('/run'))!
    expect(run.body).toEqual({
      system: 'core-banking',
      interface: 'balance',
      payload: { loanNo: 'L1' },
    })
    expect(wrapper.find('[data-testid=iftest-outcome]').text()).toBe('成功')
    const response = wrapper.find('[data-testid=iftest-response]')
    expect(response.text()).toContain('<img src=x onerror=alert(1)>')
    expect(response.find('img').exists()).toBe(false)
    wrapper.unmount()
  }, 20_000)

  it('refuses to send a payload that is not JSON', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.endsWith('/interfaces')) return { status: 200, body: { data: [IFACE] } }
      return { status: 200, body: { data: [] } }
    })
    const wrapper = mountInConsole(InterfaceTests, signedInAs(['*']), stub)
    await vi.waitFor(() => expect((wrapper.vm as any).interfaces.length).toBe(1))
    ;(wrapper.vm as any).choose('core-banking.balance')
    await flushPromises()
    await wrapper.find('textarea[data-testid=iftest-payload]').setValue('{loanNo:')
    await wrapper.find('[data-testid=iftest-run]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('报文不是合法的 JSON')
    expect(calls.some((c) => c.path.endsWith('/run'))).toBe(false)
    wrapper.unmount()
  }, 20_000)
})
