import { afterEach, describe, expect, it, vi } from 'vitest'
import { ElSelect, ElTreeSelect } from 'element-plus'
import DictSelect from '@/components/DictSelect.vue'
import OrgPicker from '@/components/pickers/OrgPicker.vue'
import UserPicker from '@/components/pickers/UserPicker.vue'
import { forgetOrgTrees, userSource } from '@/components/pickers/core_sources'
import { riskAssetSource } from '../../plugins/credit-assets/ui/pickers'
import { fakeServer, flushPromises, mountInConsole, signedInAs, withDictionaries } from './helpers'

/* The console kit's pickers: each asks the server's scoped search with the options the form gave. */
const branch = {
  id: 4,
  code: '110000',
  name: '北京分行',
  level: 2,
  status: 'active',
  children: [{ id: 9, code: '110101', name: '朝阳支行', level: 3, status: 'active', children: [] }],
}

afterEach(() => {
  document.body.innerHTML = ''
  forgetOrgTrees()
})

describe('OrgPicker', () => {
  it('shows the tree of the caller’s scope and asks once for several pickers', async () => {
    const server = fakeServer((call) =>
      call.path === '/api/pickers/orgs' ? { status: 200, body: [branch] } : undefined
    )
    const pinia = signedInAs([])
    const first = mountInConsole(OrgPicker, pinia, { props: { modelValue: 9 } })
    mountInConsole(OrgPicker, pinia, {})
    await vi.waitFor(async () => {
      await flushPromises()
      expect(first.text()).toContain('朝阳支行')
    })
    expect(server.calls).toHaveLength(1)
    expect(server.calls[0].query.get('scope')).toBe('mine')
    expect(first.findComponent(ElTreeSelect).props('data')).toEqual([branch])
  })

  it('asks for every org when a filter says scope="all"', async () => {
    const server = fakeServer(() => ({ status: 200, body: [branch] }))
    mountInConsole(OrgPicker, signedInAs([]), { props: { scope: 'all', multiple: true } })
    await vi.waitFor(() => expect(server.calls[0]?.query.get('scope')).toBe('all'))
  })

  it('filters nodes by name, code or short name', () => {
    fakeServer(() => ({ status: 200, body: [] }))
    const wrapper = mountInConsole(OrgPicker, signedInAs([]), {})
    const filter = wrapper.findComponent(ElTreeSelect).props('filterNodeMethod') as unknown as (
      word: string,
      node: typeof branch
    ) => boolean
    expect(filter('朝阳', branch.children[0] as any)).toBe(true)
    expect(filter('110101', branch.children[0] as any)).toBe(true)
    expect(filter('浦东', branch.children[0] as any)).toBe(false)
  })
})

describe('UserPicker', () => {
  it('offers only people a task about the record may go to', async () => {
    const server = fakeServer(() => ({
      status: 200,
      body: { data: [{ value: 5, label: '李四', hint: 'lisi · 朝阳支行' }], total: 1 },
    }))
    const wrapper = mountInConsole(UserPicker, signedInAs([]), {
      props: { permission: 'disposal:plan:approve', recordOrgId: 9, recordOwnerId: 12 },
    })
    await wrapper.findComponent(ElSelect).vm.$emit('visible-change', true)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(server.calls).toHaveLength(1)
    })
    expect(server.calls[0].path).toBe('/api/pickers/users')
    expect(Object.fromEntries(server.calls[0].query)).toEqual({
      page: '1',
      perPage: '20',
      permission: 'disposal:plan:approve',
      recordOrgId: '9',
      recordOwnerId: '12',
    })
    await vi.waitFor(() => expect(document.body.textContent).toContain('lisi · 朝阳支行'))
  })

  it('sends no owner without a record, and labels a saved value by id', async () => {
    const server = fakeServer(() => ({ status: 200, body: { data: [], total: 0 } }))
    await userSource({ recordOwnerId: 3, orgId: 4 })({ keyword: '张', page: 1, perPage: 20 })
    await userSource()({ keyword: '', page: 1, perPage: 1, ids: [8] })
    expect(Object.fromEntries(server.calls[0].query)).toEqual({
      keyword: '张',
      page: '1',
      perPage: '20',
      orgId: '4',
    })
    expect(Object.fromEntries(server.calls[1].query)).toEqual({
      page: '1',
      perPage: '1',
      ids: '8',
    })
  })
})

describe('riskAssetSource', () => {
  it('asks credit-assets for managed risk assets, valued by loan when the form stores loans', async () => {
    const server = fakeServer(() => ({ status: 200, body: { data: [], total: 0 } }))
    await riskAssetSource({ value: 'loan', customerId: 7 })({ keyword: 'JJ', page: 1, perPage: 20 })
    await riskAssetSource()({ keyword: '', page: 1, perPage: 20 })
    expect(server.calls[0].path).toBe('/api/credit-assets/pickers/risk-assets')
    expect(Object.fromEntries(server.calls[0].query)).toEqual({
      keyword: 'JJ',
      page: '1',
      perPage: '20',
      value: 'loan',
      status: 'managed',
      customerId: '7',
    })
    expect(server.calls[1].query.get('value')).toBe('id')
  })
})

describe('DictSelect', () => {
  const dictionaries = {
    plan_status: [
      { code: 'draft', label: { zh: '草稿', en: 'Draft' } },
      { code: 'approved', label: { zh: '已批准', en: 'Approved' } },
      { code: 'closed', label: { zh: '已关闭', en: 'Closed' } },
    ],
  } as any

  it('takes the pickers’ props: multiple, disabled, only some codes', async () => {
    const pinia = signedInAs([])
    withDictionaries(dictionaries)
    const wrapper = mountInConsole(DictSelect, pinia, {
      props: {
        type: 'plan_status',
        multiple: true,
        modelValue: ['draft'],
        only: ['draft', 'approved'],
      },
    })
    const select = wrapper.findComponent(ElSelect)
    expect(select.props('multiple')).toBe(true)
    await select.vm.$emit('visible-change', true)
    await flushPromises()
    const items = [...document.querySelectorAll('.el-select-dropdown__item')].map((e) =>
      e.textContent?.trim()
    )
    expect(items).toEqual(['草稿', '已批准'])
    await wrapper.setProps({ disabled: true })
    expect(wrapper.findComponent(ElSelect).props('disabled')).toBe(true)
  })
})
