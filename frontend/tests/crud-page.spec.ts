import { describe, expect, it, vi } from 'vitest'
import { ElMessageBox } from 'element-plus'
import CrudPage from '@/components/crud/CrudPage.vue'
import type { CrudColumn, CrudField } from '@/components/crud/types'
import {
  fakeServer,
  flushPromises,
  mountInConsole,
  signedInAs,
  withDictionaries,
  type FakeCall,
} from './helpers'

const columns: CrudColumn[] = [
  { prop: 'noteNo', label: { zh: '借据号', en: 'Note no.' }, sortable: true },
  { prop: 'borrowerName', label: { zh: '借款人', en: 'Borrower' } },
  { prop: 'principal', label: { zh: '本金', en: 'Principal' }, type: 'money' },
  {
    prop: 'assetClass',
    label: { zh: '五级分类', en: 'Classification' },
    type: 'dict',
    dict: 'asset_class',
  },
  { prop: 'maturityDate', label: { zh: '到期日', en: 'Maturity' }, type: 'date' },
]
const fields: CrudField[] = [
  {
    prop: 'noteNo',
    label: { zh: '借据号', en: 'Note no.' },
    type: 'text',
    required: true,
    maxLength: 32,
  },
  { prop: 'principal', label: { zh: '本金', en: 'Principal' }, type: 'money', required: true },
]
const notes = [
  {
    id: 1,
    noteNo: 'JJ2024001',
    borrowerName: '华东机械制造有限公司',
    principal: '12345678.9',
    assetClass: 'loss',
    maturityDate: '2024-06-30',
  },
  {
    id: 2,
    noteNo: 'JJ2024002',
    borrowerName: '张三',
    principal: '500000',
    assetClass: 'normal',
    maturityDate: '2025-01-15',
  },
]

/** A notes endpoint that lists two rows and rejects creates with a 422 on principal. */
function notesServer(extra?: (call: FakeCall) => any) {
  return fakeServer((call) => {
    const custom = extra?.(call)
    if (custom) return custom
    if (call.method === 'GET' && call.path === '/api/loan-notes/notes')
      return { status: 200, body: { data: notes, meta: { total: 42, page: 1, perPage: 20 } } }
    if (call.method === 'POST')
      return {
        status: 422,
        body: {
          message: '数据校验失败',
          errors: [{ field: 'principal', rule: 'range', message: '本金必须大于零' }],
        },
      }
    if (call.method === 'DELETE') return { status: 204 }
  })
}

async function mountNotes(permissions: string[]) {
  const pinia = signedInAs(permissions)
  withDictionaries({
    asset_class: [{ code: 'loss', label: { zh: '损失', en: 'Loss' }, color: 'danger' }],
  })
  const wrapper = mountInConsole(CrudPage, pinia, {
    props: {
      api: '/loan-notes/notes',
      permission: 'loan-notes:note',
      title: { zh: '借据', en: 'Loan note' },
      columns,
      fields,
    },
  })
  await flushPromises()
  return wrapper
}

describe('CrudPage', () => {
  it('lists rows with the schema columns, formatted', async () => {
    const { calls } = notesServer()
    const wrapper = await mountNotes(['*'])

    expect(calls[0].path).toBe('/api/loan-notes/notes')
    expect(calls[0].query.get('page')).toBe('1')
    expect(calls[0].query.get('perPage')).toBe('20')
    const headers = wrapper.findAll('[data-testid=crud-table] th').map((th) => th.text())
    expect(headers).toEqual(
      expect.arrayContaining(['借据号', '借款人', '本金', '五级分类', '到期日', '操作'])
    )
    const table = wrapper.find('[data-testid=crud-table]').text()
    expect(table).toContain('华东机械制造有限公司')
    expect(table).toContain('12,345,678.90')
    expect(table).toContain('损失')
    expect(wrapper.text()).toContain('42')
  })

  it('shows only the buttons the user is granted', async () => {
    notesServer()
    const wrapper = await mountNotes(['loan-notes:note:list', 'loan-notes:note:update'])

    expect(wrapper.find('[data-testid=crud-create]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid=crud-edit]')).toHaveLength(2)
    expect(wrapper.find('[data-testid=crud-delete]').exists()).toBe(false)
  })

  it('is read-only without write permissions', async () => {
    notesServer()
    const wrapper = await mountNotes(['loan-notes:note:list'])

    expect(wrapper.find('[data-testid=crud-create]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=crud-edit]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=crud-delete]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid=crud-table] th').map((th) => th.text())).not.toContain(
      '操作'
    )
  })

  it('searches by keyword from page one', async () => {
    const { calls } = notesServer()
    const wrapper = await mountNotes(['*'])

    await wrapper.find('input[data-testid=crud-search]').setValue('华东')
    await wrapper.find('input[data-testid=crud-search]').trigger('keyup', { key: 'Enter' })
    await flushPromises()

    const last = calls.at(-1)!
    expect(last.query.get('keyword')).toBe('华东')
    expect(last.query.get('page')).toBe('1')
  })

  it('shows the server 422 message on the field it concerns', async () => {
    const { calls } = notesServer()
    const wrapper = await mountNotes(['*'])

    await wrapper.find('[data-testid=crud-create]').trigger('click')
    await flushPromises()
    const dialog = document.body.querySelector('[data-testid=crud-dialog]') as HTMLElement
    expect(dialog).not.toBeNull()
    const inputs = dialog.querySelectorAll('input')
    for (const [input, value] of [
      [inputs[0], 'JJ2024003'],
      [inputs[1], '1,000.5'],
    ] as const) {
      input.value = value
      input.dispatchEvent(new Event('input'))
    }
    await flushPromises()
    ;(document.body.querySelector('[data-testid=crud-save]') as HTMLElement).click()
    await flushPromises()
    await flushPromises()

    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ noteNo: 'JJ2024003', principal: '1000.5' })
    // Element Plus debounces showing a form-item error, hence waitFor.
    await vi.waitFor(() =>
      expect(dialog.querySelector('.el-form-item__error')?.textContent).toContain('本金必须大于零')
    )
    expect(
      dialog.querySelector('.el-form-item__error')?.closest('.el-form-item')?.textContent
    ).toContain('本金')
  })

  it('deletes after confirmation and reloads', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as any)
    const { calls } = notesServer()
    const wrapper = await mountNotes(['*'])

    await wrapper.findAll('[data-testid=crud-delete]')[1].trigger('click')
    await flushPromises()

    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/loan-notes/notes/2')).toBe(
      true
    )
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2)
  })
})
