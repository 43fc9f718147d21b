import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { i18n } from '@/i18n'
import CrudPage from '@/components/crud/CrudPage.vue'
import {
  defineColumns,
  defineFields,
  defineRowActions,
  type RowAction,
} from '@/components/crud/types'
import { forgetOrgTrees } from '@/components/pickers/core_sources'
// The relation registry loads plugin sources lazily; loaded here so a cold transform is not timed.
import '../../plugins/credit-assets/ui/pickers'
import { fakeServer, flushPromises, mountInConsole, signedInAs, type FakeCall } from './helpers'

/*
| CrudPage's kit: relation columns show labels, relation fields use the pickers,
| per-field slots, the read-only 详情 drawer (also by ?id=), row actions with a
| permission and a visible-when predicate.
*/
const WAIT = { timeout: 5000 }
const columns = defineColumns([
  { prop: 'title', label: { zh: '标题', en: 'Title' } },
  { prop: 'customerId', label: { zh: '客户', en: 'Customer' }, type: 'customer' },
  { prop: 'orgId', label: { zh: '机构', en: 'Org' }, type: 'org', labelProp: 'orgName' },
  { prop: 'status', label: { zh: '状态', en: 'Status' } },
])
const fields = defineFields([
  { prop: 'title', label: { zh: '标题', en: 'Title' }, type: 'text', required: true },
  { prop: 'customerId', label: { zh: '客户', en: 'Customer' }, type: 'customer' },
  {
    prop: 'loanIds',
    label: { zh: '借据', en: 'Loans' },
    type: 'loan',
    of: 'customerId',
    multiple: true,
  },
  { prop: 'orgId', label: { zh: '机构', en: 'Org' }, type: 'org' },
  { prop: 'memo', label: { zh: '备注', en: 'Memo' }, type: 'textarea' },
])
const rows = [
  { id: 1, title: '诉讼甲', customerId: 11, orgId: 4, orgName: '北京分行', status: 'draft' },
  { id: 2, title: '诉讼乙', customerId: 12, orgId: 4, orgName: '北京分行', status: 'closed' },
]

function server(extra?: (call: FakeCall) => any) {
  return fakeServer((call) => {
    const custom = extra?.(call)
    if (custom) return custom
    if (call.path === '/api/cases') return { status: 200, body: { data: rows, meta: { total: 2 } } }
    if (call.path === '/api/cases/2')
      return { status: 200, body: { ...rows[1], loanIds: [21], memo: '已结案' } }
    if (call.path === '/api/credit-assets/pickers/customers')
      return {
        status: 200,
        body: {
          data: [
            { value: 11, label: '甲公司' },
            { value: 12, label: '乙公司' },
          ].filter((c) => call.query.get('ids')?.split(',').includes(String(c.value))),
          total: 2,
        },
      }
    if (call.path === '/api/credit-assets/pickers/loans')
      return { status: 200, body: { data: [{ value: 21, label: 'JJ0021' }], total: 1 } }
    if (call.path === '/api/pickers/orgs')
      return {
        status: 200,
        body: [
          { id: 4, code: '110000', name: '北京分行', level: 2, status: 'active', children: [] },
        ],
      }
  })
}

function mountCases(permissions: string[], props: Record<string, unknown> = {}, options = {}) {
  return mountInConsole(CrudPage, signedInAs(permissions), {
    props: {
      api: '/cases',
      permission: 'lit:case',
      title: { zh: '案件', en: 'Case' },
      columns,
      fields,
      detail: true,
      ...props,
    },
    ...options,
  })
}

afterEach(() => {
  document.body.innerHTML = ''
  forgetOrgTrees()
  vi.restoreAllMocks()
})

describe('CrudPage kit', () => {
  it('shows relation columns by label: asked once per page, or from the row', async () => {
    const { calls } = server()
    const wrapper = mountCases(['*'])
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-testid=crud-table]').text()).toContain('乙公司')
    }, WAIT)
    const table = wrapper.find('[data-testid=crud-table]').text()
    expect(table).toContain('甲公司')
    expect(table).toContain('北京分行')
    const labelCalls = calls.filter((c) => c.path === '/api/credit-assets/pickers/customers')
    expect(labelCalls).toHaveLength(1)
    expect(labelCalls[0].query.get('ids')).toBe('11,12')
  })

  it('renders relation fields with the pickers and a per-field slot', async () => {
    server()
    const wrapper = mountCases(
      ['*'],
      {},
      {
        slots: {
          'field-memo': ({ model }: { model: Record<string, unknown> }) =>
            h('input', {
              'data-testid': 'memo-slot',
              'value': model.memo,
              'onInput': (e: Event) => (model.memo = (e.target as HTMLInputElement).value),
            }),
        },
      }
    )
    await flushPromises()
    await wrapper.find('[data-testid=crud-create]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      const dialog = document.body.querySelector('[data-testid=crud-dialog]')!
      expect(
        dialog.querySelector(
          '[data-field=customerId] [data-testid=record-picker], [data-field=customerId][data-testid=record-picker]'
        )
      ).not.toBeNull()
    })
    const dialog = document.body.querySelector('[data-testid=crud-dialog]')!
    expect(dialog.querySelector('[data-testid=org-picker]')).not.toBeNull()
    expect(dialog.querySelector('[data-testid=memo-slot]')).not.toBeNull()
    expect(dialog.querySelector('textarea')).toBeNull()
  })

  it('opens the read-only detail from a row, relations by label', async () => {
    const { calls } = server()
    const wrapper = mountCases(['lit:case:list'])
    await flushPromises()
    await wrapper.findAll('[data-testid=crud-view]')[1].trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      const drawer = document.body.querySelector('[data-testid=crud-detail]')
      expect(drawer?.textContent).toContain('乙公司')
      expect(drawer?.textContent).toContain('JJ0021')
      expect(drawer?.textContent).toContain('已结案')
    }, WAIT)
    expect(calls.some((c) => c.path === '/api/cases/2')).toBe(true)
    expect(document.body.querySelector('[data-testid=crud-detail] input')).toBeNull()
  })

  it('opens the record of a ?id= deep link', async () => {
    server()
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/p/cases', component: defineComponent({ render: () => null }) }],
    })
    await router.push('/p/cases?id=2')
    await router.isReady()
    const pinia = signedInAs(['lit:case:list'])
    mountInConsole(CrudPage, pinia, {
      props: { api: '/cases', title: { zh: '案件', en: 'Case' }, columns, fields, detail: true },
      global: { plugins: [pinia, i18n, ElementPlus, router] },
    })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(document.body.querySelector('[data-testid=crud-detail]')?.textContent).toContain(
        '诉讼乙'
      )
    }, WAIT)
    expect(router.currentRoute.value.query.id).toBe('2')
  })

  it('row actions: only with the permission, only on rows they fit, confirmed, then reload', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as any)
    const { calls } = server()
    const run = vi.fn()
    const actions: RowAction[] = defineRowActions([
      {
        key: 'close',
        label: { zh: '结案', en: 'Close' },
        permission: 'lit:case:close',
        visible: (row) => row.status !== 'closed',
        confirm: { zh: '确定结案？', en: 'Close the case?' },
        run,
        reload: true,
      },
      { key: 'secret', label: { zh: '机密', en: 'Secret' }, permission: 'lit:case:secret', run },
    ])
    const wrapper = mountCases(['lit:case:list', 'lit:case:close'], { rowActions: actions })
    await flushPromises()
    const buttons = wrapper.findAll('[data-testid=crud-action-close]')
    expect(buttons).toHaveLength(1)
    expect(wrapper.find('[data-testid=crud-action-secret]').exists()).toBe(false)
    await buttons[0].trigger('click')
    await flushPromises()
    expect(ElMessageBox.confirm).toHaveBeenCalledWith(
      '确定结案？',
      expect.anything(),
      expect.anything()
    )
    expect(run).toHaveBeenCalledWith(rows[0])
    expect(calls.filter((c) => c.path === '/api/cases')).toHaveLength(2)
  })
})
