import { afterEach, describe, expect, it, vi } from 'vitest'
import SlotOutlet from '@/components/slots/SlotOutlet.vue'
import ExtensionFields from '@/components/slots/ExtensionFields.vue'
import EventKindTag from '@/components/slots/EventKindTag.vue'
import LoanDrawer from '../../plugins/credit-assets/ui/components/LoanDrawer.vue'
import { fakeServer, flushPromises, mountInConsole, signedInAs, withDictionaries } from './helpers'
import type { ExtensionValue } from '@/api/extensions'

/*
| Extension slots (docs/plugins.md): a plugin's panel appears on another
| plugin's screen only through the server's list of slot entries, and the
| fields a plugin adds to loans show in the loan drawer.
*/
const plansSlot = {
  slot: 'customer-view:customer-panels',
  plugin: 'disposal',
  id: 'customer-plans',
  title: { zh: '处置预案', en: 'Disposal plans' },
  component: 'disposal/slots/CustomerPlansPanel',
  order: 10,
}
const extensions = (slots: unknown[]) => ({ slots, eventKinds: [], records: {} })
const plan = {
  id: 41,
  planNo: 'CZYA202612070001',
  customerId: 7,
  method: 'collection',
  claimTotal: '1234567.89',
  expectedRecovery: '1000.00',
  status: 'approved',
  applicantName: '张三',
}
const bankFields: ExtensionValue[] = [
  {
    plugin: 'fixture-bank',
    key: 'bankRating',
    label: { zh: '行内评级', en: 'Bank rating' },
    type: 'text',
    dict: null,
    value: 'A+',
  },
  {
    plugin: 'fixture-bank',
    key: 'bankLine',
    label: { zh: '行内授信额度', en: 'Bank line' },
    type: 'money',
    dict: null,
    value: '1234567.89',
  },
  {
    plugin: 'fixture-bank',
    key: 'bankDate',
    label: { zh: '评级日', en: 'Rated on' },
    type: 'date',
    dict: null,
    value: null,
  },
]

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('SlotOutlet', () => {
  it("shows disposal's plans panel on 客户视图 with the customer's plans", async () => {
    const server = fakeServer(({ path, query }) => {
      if (path === '/api/extensions') return { status: 200, body: extensions([plansSlot]) }
      if (path === '/api/disposal/plans' && query.get('customerId') === '7')
        return { status: 200, body: { data: [plan], meta: { total: 1, page: 1, perPage: 10 } } }
    })
    const wrapper = mountInConsole(SlotOutlet, signedInAs(['disposal:plan:list']), {
      props: { point: 'customer-view:customer-panels', context: { customerId: 7 } },
      global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } },
    })
    await vi.waitFor(
      async () => {
        await flushPromises()
        expect(wrapper.find('[data-testid="slot-disposal-customer-plans"]').exists()).toBe(true)
        expect(wrapper.text()).toContain('CZYA202612070001')
      },
      { timeout: 10000 }
    )
    expect(wrapper.text()).toContain('处置预案（1）')
    expect(wrapper.text()).toContain('1,234,567.89')
    expect(
      server.calls.filter((c) => c.path === '/api/disposal/plans')[0].query.get('customerId')
    ).toBe('7')
  })

  it('shows nothing when the server lists no entry for the point (no permission, plugin off)', async () => {
    const server = fakeServer(({ path }) =>
      path === '/api/extensions' ? { status: 200, body: extensions([]) } : undefined
    )
    const wrapper = mountInConsole(SlotOutlet, signedInAs([]), {
      props: { point: 'customer-view:customer-panels', context: { customerId: 7 } },
    })
    await flushPromises()
    expect(wrapper.find('[data-testid="slot-disposal-customer-plans"]').exists()).toBe(false)
    expect(server.calls.some((c) => c.path === '/api/disposal/plans')).toBe(false)
  })
})

describe('extension fields on loans', () => {
  it('ExtensionFields shows labels and typed values, a dash when empty', () => {
    const wrapper = mountInConsole(ExtensionFields, signedInAs([]), {
      props: { values: bankFields },
    })
    const text = wrapper.text()
    expect(text).toContain('行内评级')
    expect(wrapper.find('[data-field="bankRating"]').text()).toBe('A+')
    expect(wrapper.find('[data-field="bankLine"]').text()).toBe('1,234,567.89')
    expect(wrapper.find('[data-field="bankDate"]').text()).toBe('—')
  })

  it("the loan drawer shows the test plugin's field in 扩展信息", async () => {
    fakeServer(({ path }) => {
      if (path === '/api/extensions') return { status: 200, body: extensions([]) }
      if (path === '/api/credit-assets/loans/5')
        return {
          status: 200,
          body: {
            id: 5,
            loanNo: 'JJ0005',
            guarantees: [],
            collaterals: [],
            classificationHistory: [],
            extensions: bankFields,
          },
        }
      if (path === '/api/credit-assets/loans/5/timeline')
        return { status: 200, body: { data: [], meta: { total: 0, page: 1, perPage: 50 } } }
    })
    const pinia = signedInAs([])
    withDictionaries({})
    mountInConsole(LoanDrawer, pinia, { props: { loanId: 5 } })
    await vi.waitFor(
      async () => {
        await flushPromises()
        expect(document.body.textContent).toContain('扩展信息')
      },
      { timeout: 10000 }
    )
    expect(document.querySelector('[data-field="bankRating"]')?.textContent).toBe('A+')
    expect(document.querySelector('[data-field="bankLine"]')?.textContent).toBe('1,234,567.89')
  })
})

describe('timeline event kinds', () => {
  it("labels a plugin's own event kind with the label from its manifest, the book's from the dictionary", async () => {
    fakeServer(({ path }) =>
      path === '/api/extensions'
        ? {
            status: 200,
            body: {
              slots: [],
              records: {},
              eventKinds: [
                { kind: 'fixture-bank.rated', label: { zh: '行内评级调整', en: 'Rated' } },
              ],
            },
          }
        : undefined
    )
    const pinia = signedInAs([])
    withDictionaries({
      credit_assets_risk_event_type: [
        { code: 'handover', label: { zh: '移交风险资产', en: 'Handed over' } },
      ],
    } as any)
    const own = mountInConsole(EventKindTag, pinia, { props: { kind: 'fixture-bank.rated' } })
    const book = mountInConsole(EventKindTag, pinia, { props: { kind: 'handover' } })
    const unknown = mountInConsole(EventKindTag, pinia, { props: { kind: 'gone.kind' } })
    await flushPromises()
    expect(own.text()).toBe('行内评级调整')
    expect(book.text()).toBe('移交风险资产')
    expect(unknown.text()).toBe('gone.kind')
  })
})
