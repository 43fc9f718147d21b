import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import ListPage from '@/components/list/ListPage.vue'
import { buildPrintTable } from '@/components/list/print-table'
import { defineListColumns } from '@/components/list/types'
import { useTable } from '@/composables/useTable'
import { useAuthStore } from '@/stores/auth'
import { fakeServer, flushPromises, mountInConsole, signedInAs, withDictionaries } from './helpers'

/*
| ListPage: the shared list (filters, table, 列设置 remembered per user, paging,
| export through the server, print as text).
*/
const columns = defineListColumns([
  { prop: 'planNo', label: { zh: '预案编号', en: 'Plan no.' }, fixed: true },
  { prop: 'customerName', label: { zh: '客户名称', en: 'Customer' } },
  { prop: 'principal', label: { zh: '本金（元）', en: 'Principal' }, type: 'money' },
  { prop: 'status', label: { zh: '状态', en: 'Status' }, type: 'dict', dict: 'plan_status' },
  { prop: 'memo', label: { zh: '备注', en: 'Memo' }, defaultHidden: true },
])
const rows = [
  {
    id: 1,
    planNo: 'P-1',
    customerName: '甲<script>alert(1)</script>',
    principal: '1234.5',
    status: 'draft',
    memo: 'x',
  },
]

function host(props: Record<string, unknown> = {}) {
  return defineComponent({
    setup() {
      const table = useTable(async (query) => {
        const page = await fetch(`/api/plans?page=${query.page}`).then((r) => r.json())
        return page
      })
      void table.load()
      return () =>
        h(
          ListPage,
          {
            listKey: 'disposal:plans',
            table,
            columns,
            testid: 'plans-table',
            title: '处置预案',
            ...props,
          },
          { filters: () => h('div', { 'data-testid': 'my-filters' }, '筛选') }
        )
    },
  })
}

function mountList(permissions: string[], userId: string, props: Record<string, unknown> = {}) {
  const pinia = signedInAs(permissions)
  useAuthStore().user = { id: userId } as any
  withDictionaries({ plan_status: [{ code: 'draft', label: { zh: '草稿', en: 'Draft' } }] } as any)
  return mountInConsole(host(props), pinia)
}
const headers = (wrapper: ReturnType<typeof mountList>) =>
  wrapper.findAll('[data-testid=plans-table] th').map((th) => th.text())

afterEach(() => {
  document.body.innerHTML = ''
  localStorage.clear()
  vi.restoreAllMocks()
})

describe('ListPage', () => {
  it('draws filters, the schema columns formatted, and paging', async () => {
    fakeServer(() => ({ status: 200, body: { data: rows, meta: { total: 41 } } }))
    const wrapper = mountList([], 'u1')
    await flushPromises()
    expect(wrapper.find('[data-testid=my-filters]').exists()).toBe(true)
    expect(headers(wrapper)).toEqual(['预案编号', '客户名称', '本金（元）', '状态'])
    const table = wrapper.find('[data-testid=plans-table]').text()
    expect(table).toContain('1,234.50')
    expect(table).toContain('草稿')
    expect(wrapper.text()).toContain('41')
  })

  it('remembers 列设置 per user and list; the number column cannot be hidden', async () => {
    fakeServer(() => ({ status: 200, body: { data: rows, meta: { total: 1 } } }))
    const first = mountList([], 'u1')
    await flushPromises()
    await first.find('[data-testid=list-columns]').trigger('click')
    await flushPromises()
    const box = (prop: string) =>
      document.body.querySelector(`[data-testid=list-column-${prop}] input`) as HTMLInputElement
    expect(box('planNo').disabled).toBe(true)
    box('customerName').click()
    await flushPromises()
    box('memo').click()
    await flushPromises()
    expect(headers(first)).toEqual(['预案编号', '本金（元）', '状态', '备注'])
    first.unmount()
    document.body.innerHTML = ''

    const again = mountList([], 'u1')
    await flushPromises()
    expect(headers(again)).toEqual(['预案编号', '本金（元）', '状态', '备注'])
    again.unmount()
    const other = mountList([], 'u2')
    await flushPromises()
    expect(headers(other)).toEqual(['预案编号', '客户名称', '本金（元）', '状态'])
  }, 15000)

  it('exports through the server with the list’s filters, only with the permission', async () => {
    const server = fakeServer((call) =>
      call.path === '/api/plans/export'
        ? { status: 200, body: 'xlsx' }
        : { status: 200, body: { data: rows, meta: { total: 1 } } }
    )
    const createObjectURL = vi.fn(() => 'blob:x')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }))
    const props = {
      exportUrl: '/plans/export',
      exportQuery: () => ({ status: 'draft' }),
      exportName: '处置预案.xlsx',
      exportPermission: 'disposal:plan:export',
    }
    const without = mountList([], 'u1', props)
    await flushPromises()
    expect(without.find('[data-testid=list-export]').exists()).toBe(false)
    without.unmount()

    const wrapper = mountList(['disposal:plan:export'], 'u1', props)
    await flushPromises()
    await wrapper.find('[data-testid=list-export]').trigger('click')
    await flushPromises()
    const call = server.calls.find((c) => c.path === '/api/plans/export')!
    expect(call.query.get('status')).toBe('draft')
    expect(createObjectURL).toHaveBeenCalled()
  })

  it('prints text only: markup in a value stays text', () => {
    const sheet = buildPrintTable({
      title: '处置预案<img src=x onerror=alert(1)>',
      headers: ['客户名称'],
      rows: [['甲<script>alert(1)</script>']],
      right: [false],
    })
    expect(sheet.querySelector('script, img')).toBeNull()
    expect(sheet.querySelector('td')?.textContent).toBe('甲<script>alert(1)</script>')
    expect(sheet.querySelector('h1')?.textContent).toContain('<img')
  })

  it('prints the shown columns of the rows on screen', async () => {
    fakeServer(() => ({ status: 200, body: { data: rows, meta: { total: 1 } } }))
    const doc = document.implementation.createHTMLDocument('print')
    const win = { document: doc, focus: vi.fn(), print: vi.fn() }
    vi.spyOn(window, 'open').mockReturnValue(win as any)
    const wrapper = mountList([], 'u1')
    await flushPromises()
    await wrapper.find('[data-testid=list-print]').trigger('click')
    expect(win.print).toHaveBeenCalled()
    const cells = [...doc.querySelectorAll('td')].map((td) => td.textContent)
    expect(cells).toEqual(['P-1', '甲<script>alert(1)</script>', '1,234.50', '草稿'])
    expect(doc.querySelector('script')).toBeNull()
  })
})
