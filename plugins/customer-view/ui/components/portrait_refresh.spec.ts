/*
| 客户视图's header follows a 客户中心 refresh in place: when a panel reports the
| customer changed (recordChanged), the portrait is read again without a page
| reload; another customer's change, or one after the page
| closed, reads nothing.
*/
import { describe, expect, it, vi, beforeEach } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { recordChanged } from '@/composables/useRecordChanged'
import { mountInConsole, signedInAs } from '../../../../frontend/tests/helpers'

const portrait = vi.fn()
vi.mock('../api', () => ({
  customerViewApi: { portrait: (id: number) => portrait(id) },
  downloadLoans: vi.fn(),
}))

const { default: CustomerPortrait } = await import('./CustomerPortrait.vue')

const named = (name: string) => ({
  customer: {
    id: 7,
    customerNo: 'KH000000000007',
    name,
    customerType: 'corporate',
    idType: 'uscc',
    idNo: '9111**********001X',
  },
  exposure: {},
  loans: [],
  classificationTrend: [],
  timeline: [],
  tags: [],
})

function mountPortrait() {
  return mountInConsole(CustomerPortrait, signedInAs([]), {
    props: { customerId: 7 },
    global: {
      stubs: {
        ExposureCards: true,
        ClassTrendChart: true,
        ExternalPanels: true,
        SlotOutlet: true,
        TagEditor: true,
        MaskedIdNo: true,
        RouterLink: true,
        DictTag: true,
        EventKindTag: true,
      },
    },
  })
}

describe('CustomerPortrait: refreshed in place', () => {
  beforeEach(() => portrait.mockReset())

  it('shows the new name after the customer changed, without a reload', async () => {
    portrait.mockResolvedValueOnce(named('甲贸易有限公司'))
    const wrapper = mountPortrait()
    await flushPromises()
    expect(wrapper.find('[data-testid="cv-name"]').text()).toBe('甲贸易有限公司')

    // Another customer changed: nothing is read.
    recordChanged('customer', 8)
    await flushPromises()
    expect(portrait).toHaveBeenCalledTimes(1)

    portrait.mockResolvedValueOnce(named('甲贸易（集团）有限公司'))
    recordChanged('customer', 7)
    await flushPromises()
    expect(portrait).toHaveBeenCalledTimes(2)
    expect(wrapper.find('[data-testid="cv-name"]').text()).toBe('甲贸易（集团）有限公司')
    expect(document.title).toBe('甲贸易（集团）有限公司')

    // Closed: its listener is gone.
    wrapper.unmount()
    recordChanged('customer', 7)
    await flushPromises()
    expect(portrait).toHaveBeenCalledTimes(2)
  })

  it('keeps what it shows when the quiet refresh fails', async () => {
    portrait.mockResolvedValueOnce(named('乙公司'))
    const wrapper = mountPortrait()
    await flushPromises()
    portrait.mockRejectedValueOnce(new Error('网络错误'))
    recordChanged('customer', 7)
    await flushPromises()
    expect(wrapper.find('[data-testid="cv-name"]').text()).toBe('乙公司')
    wrapper.unmount()
  })
})
