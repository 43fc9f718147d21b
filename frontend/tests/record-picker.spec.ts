import { afterEach, describe, expect, it, vi } from 'vitest'
import { ElSelect } from 'element-plus'
import RecordPicker from '@/components/pickers/RecordPicker.vue'
import type { PickerQuery } from '@/components/pickers/picker_source'
import { customerSource, loanSource } from '../../plugins/credit-assets/ui/pickers'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from './helpers'

/* A scoped server search behind the picker: 45 customers, 20 a page; ids label the value. */
const customers = Array.from({ length: 45 }, (_, i) => ({
  value: i + 1,
  label: `客户${i + 1}`,
  hint: `KH${String(i + 1).padStart(4, '0')}`,
}))
function serverSource() {
  const calls: PickerQuery[] = []
  const source = vi.fn(async (query: PickerQuery) => {
    calls.push(query)
    const matching = query.ids
      ? customers.filter((c) => query.ids!.includes(c.value))
      : customers.filter((c) => c.label.includes(query.keyword))
    const start = (query.page - 1) * query.perPage
    return { data: matching.slice(start, start + query.perPage), total: matching.length }
  })
  return { source, calls }
}

function mountPicker(props: Record<string, unknown>) {
  return mountInConsole(RecordPicker, signedInAs([]), { props: { debounce: 0, ...props } as any })
}
const optionTexts = () =>
  [...document.querySelectorAll('.el-select-dropdown__item')].map((e) => e.textContent?.trim())

afterEach(() => {
  document.body.innerHTML = ''
})

describe('RecordPicker', () => {
  it('searches as the user types and pages with 加载更多', async () => {
    const { source, calls } = serverSource()
    const wrapper = mountPicker({ source })
    const remote = wrapper.findComponent(ElSelect).props('remoteMethod') as (q: string) => void
    remote(' 客户1 ')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(calls.at(-1)).toEqual({ keyword: '客户1', page: 1, perPage: 20 })
    })
    remote('')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(calls.at(-1)).toEqual({ keyword: '', page: 1, perPage: 20 })
    })
    await (wrapper.vm as any).$nextTick()
    const select = wrapper.findComponent(ElSelect)
    await select.vm.$emit('visible-change', true)
    await flushPromises()
    const more = document.querySelector('[data-testid="record-picker-more"]') as HTMLElement | null
    expect(more?.textContent).toContain('20/45')
    more!.click()
    await flushPromises()
    expect(calls.at(-1)).toEqual({ keyword: '', page: 2, perPage: 20 })
    expect(optionTexts()).toHaveLength(40)
  })

  it('drops a slow answer that a later keystroke overtook', async () => {
    let release: (v: unknown) => void = () => {}
    const source = vi.fn(async (query: PickerQuery) => {
      if (query.keyword === '慢') await new Promise((r) => (release = r))
      return { data: [{ value: query.keyword === '慢' ? 1 : 2, label: query.keyword }], total: 1 }
    })
    const wrapper = mountPicker({ source })
    const remote = wrapper.findComponent(ElSelect).props('remoteMethod') as (q: string) => void
    remote('慢')
    await vi.waitFor(() => expect(source).toHaveBeenCalledTimes(1))
    remote('快')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(source).toHaveBeenCalledTimes(2)
    })
    release(undefined)
    await flushPromises()
    await wrapper.findComponent(ElSelect).vm.$emit('visible-change', true)
    await flushPromises()
    expect(optionTexts()).toEqual(['快'])
  })

  it('labels a saved multi-select value by asking for its ids', async () => {
    const { source, calls } = serverSource()
    const wrapper = mountPicker({ source, multiple: true, modelValue: [3, 44] })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(calls[0]).toEqual({ keyword: '', page: 1, perPage: 2, ids: [3, 44] })
      expect(wrapper.text()).toContain('客户3')
      expect(wrapper.text()).toContain('客户44')
    })
  })
})

describe('credit-assets picker sources', () => {
  it('ask the scoped picker endpoints: customers by keyword, a customer’s loans, ids to label', async () => {
    const server = fakeServer(() => ({ status: 200, body: { data: [], total: 0 } }))
    await customerSource({ keyword: '甲', page: 2, perPage: 20 })
    await loanSource(7)({ keyword: '', page: 1, perPage: 2, ids: [3, 44] })
    expect(server.calls[0].path).toBe('/api/credit-assets/pickers/customers')
    expect(Object.fromEntries(server.calls[0].query)).toEqual({
      keyword: '甲',
      page: '2',
      perPage: '20',
    })
    expect(server.calls[1].path).toBe('/api/credit-assets/pickers/loans')
    expect(Object.fromEntries(server.calls[1].query)).toEqual({
      page: '1',
      perPage: '2',
      ids: '3,44',
      customerId: '7',
    })
  })
})
