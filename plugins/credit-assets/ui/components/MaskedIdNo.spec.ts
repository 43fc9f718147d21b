import { afterEach, describe, expect, it, vi } from 'vitest'
import MaskedIdNo from './MaskedIdNo.vue'
import {
  fakeServer,
  flushPromises,
  mountInConsole,
  signedInAs,
} from '../../../../frontend/tests/helpers'

/* The console shows the masked 证件号码; 显示 (with the permission) asks the server, which audits it. */
const MASKED = '110101********1234'

function mountWith(permissions: string[]) {
  const server = fakeServer((call) =>
    call.method === 'POST' && call.path === '/api/credit-assets/customers/7/unmask'
      ? { status: 200, body: { id: 7, idNo: '110101199001011234' } }
      : undefined
  )
  const wrapper = mountInConsole(MaskedIdNo, signedInAs(permissions), {
    props: { customerId: 7, masked: MASKED },
  })
  return { server, wrapper }
}

describe('MaskedIdNo', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the mask and no 显示 without the permission', () => {
    const { wrapper, server } = mountWith(['credit-assets:loan:list'])
    expect(wrapper.find('[data-testid="id-no"]').text()).toBe(MASKED)
    expect(wrapper.find('[data-testid="id-no-reveal"]').exists()).toBe(false)
    expect(server.calls).toHaveLength(0)
  })

  it('显示 asks the server once and shows the clear number', async () => {
    const { wrapper, server } = mountWith(['credit-assets:customer:unmask'])
    await wrapper.find('[data-testid="id-no-reveal"]').trigger('click')
    await flushPromises()
    expect(server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/credit-assets/customers/7/unmask',
    ])
    expect(wrapper.find('[data-testid="id-no"]').text()).toBe('110101199001011234')
    expect(wrapper.find('[data-testid="id-no-reveal"]').exists()).toBe(false)
  })
})
