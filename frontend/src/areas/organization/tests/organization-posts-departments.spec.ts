/*
| 岗位管理 and 部门管理 are CrudPages: the status (and org) filters go with every list
| query and 重置 clears them, a new record starts 排序 0 / 启用, 部门's dialog has its
| own titles and keeps 所属机构 fixed once the department exists, and a refused delete
| (still held by staff) is said.
*/
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ElMessage, ElMessageBox } from 'element-plus'
import Posts from '@/areas/organization/pages/system/Posts.vue'
import Departments from '@/areas/organization/pages/system/Departments.vue'
import {
  fakeServer,
  flushPromises,
  mountInConsole,
  signedInAs,
  withDictionaries,
} from '../../../../tests/helpers'

const statuses = {
  common_status: [
    { code: 'active', label: { zh: '启用', en: 'Active' }, color: 'success' },
    { code: 'disabled', label: { zh: '停用', en: 'Disabled' }, color: 'info' },
  ],
}
const post = { id: 3, code: 'KHJL', name: '客户经理', sort: 1, status: 'active', userCount: 4 }
const dept = {
  id: 7,
  orgId: 4,
  orgName: '北京分行',
  code: 'FX',
  name: '风险部',
  sort: 0,
  status: 'active',
}
const orgTree = [{ id: 4, name: '北京分行', children: [] }]

function server() {
  return fakeServer((call) => {
    if (call.method === 'GET' && call.path === '/api/system/posts')
      return { status: 200, body: { data: [post], meta: { total: 1, page: 1, perPage: 20 } } }
    if (call.method === 'GET' && call.path === '/api/system/departments')
      return { status: 200, body: { data: [dept], meta: { total: 1, page: 1, perPage: 20 } } }
    if (call.method === 'GET' && call.path === '/api/system/departments/org-tree')
      return { status: 200, body: orgTree }
    if (call.method === 'GET' && call.path === '/api/system/departments/7')
      return { status: 200, body: dept }
    if (call.method === 'POST') return { status: 201, body: { id: 9 } }
    if (call.method === 'DELETE')
      return { status: 422, body: { message: '该岗位下还有用户，不能删除', errors: [] } }
  })
}

async function mount(page: any, permissions = ['*']) {
  const pinia = signedInAs(permissions)
  withDictionaries(statuses)
  // PageToolbar reads the route's menu name; these pages are mounted without a router.
  const wrapper = mountInConsole(page, pinia, {
    global: { stubs: { PageToolbar: { template: '<div class="page-toolbar" />' } } },
  })
  await flushPromises()
  return wrapper
}

const dialog = () => document.body.querySelector('[data-testid=crud-dialog]') as HTMLElement

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('岗位管理 on CrudPage', () => {
  it('lists posts, gates the buttons on system:post:*, sends the status filter', async () => {
    const { calls } = server()
    const wrapper = await mount(Posts, ['system:post:list', 'system:post:update'])

    expect(calls[0].path).toBe('/api/system/posts')
    const table = wrapper.find('[data-testid=crud-table]').text()
    expect(table).toContain('客户经理')
    expect(table).toContain('启用')
    expect(wrapper.findAll('[data-testid=crud-table] th').map((th) => th.text())).toEqual(
      expect.arrayContaining(['岗位编码', '岗位名称', '排序', '用户数', '状态'])
    )
    expect(wrapper.find('[data-testid=crud-create]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid=crud-edit]')).toHaveLength(1)
    expect(wrapper.find('[data-testid=crud-delete]').exists()).toBe(false)

    ;(wrapper.vm as any).$.setupState.filters.status = 'disabled'
    await wrapper.find('input[data-testid=crud-search]').trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(calls.at(-1)!.query.get('status')).toBe('disabled')
  })

  it('creates with 排序 0 and 启用 by default', async () => {
    const { calls } = server()
    const wrapper = await mount(Posts)

    await wrapper.find('[data-testid=crud-create]').trigger('click')
    await flushPromises()
    expect(document.body.querySelector('.el-dialog__title')?.textContent).toBe('新增 · 岗位')
    const inputs = dialog().querySelectorAll('input')
    for (const [input, value] of [
      [inputs[0], 'FXJL'],
      [inputs[1], '风险经理'],
    ] as const) {
      input.value = value
      input.dispatchEvent(new Event('input'))
    }
    await flushPromises()
    ;(document.body.querySelector('[data-testid=crud-save]') as HTMLElement).click()
    await flushPromises()
    await flushPromises()

    const body = calls.find((c) => c.method === 'POST' && c.path === '/api/system/posts')!.body
    expect(body).toEqual({ code: 'FXJL', name: '风险经理', sort: 0, status: 'active' })
  })

  it('says why a post still held by staff is not deleted', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as any)
    const error = vi.spyOn(ElMessage, 'error')
    const { calls } = server()
    const wrapper = await mount(Posts)

    await wrapper.find('[data-testid=crud-delete]').trigger('click')
    await flushPromises()

    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/system/posts/3')).toBe(true)
    expect(error).toHaveBeenCalledWith('该岗位下还有用户，不能删除')
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/system/posts')).toHaveLength(
      1
    )
  })
})

describe('部门管理 on CrudPage', () => {
  it('sends the org and status filters; 重置 clears them', async () => {
    const { calls } = server()
    const wrapper = await mount(Departments)
    const filters = (wrapper.vm as any).$.setupState.filters

    filters.orgId = 4
    filters.status = 'active'
    await wrapper.find('input[data-testid=crud-search]').trigger('keyup', { key: 'Enter' })
    await flushPromises()
    const searched = calls.filter((c) => c.path === '/api/system/departments').at(-1)!
    expect(searched.query.get('orgId')).toBe('4')
    expect(searched.query.get('status')).toBe('active')

    const reset = wrapper.findAll('button').find((b) => b.text() === '重置')!
    await reset.trigger('click')
    await flushPromises()
    const cleared = calls.filter((c) => c.path === '/api/system/departments').at(-1)!
    expect(cleared.query.get('orgId')).toBeNull()
    expect(cleared.query.get('status')).toBeNull()
    expect(filters.orgId).toBeUndefined()
  })

  it('titles its dialog 新增部门 / 编辑部门 and fixes 所属机构 when editing', async () => {
    const { calls } = server()
    const wrapper = await mount(Departments, [
      'system:dept:list',
      'system:dept:create',
      'system:dept:update',
    ])
    ;(wrapper.vm as any).$.setupState.filters.orgId = 4

    await wrapper.find('[data-testid=crud-create]').trigger('click')
    await flushPromises()
    expect(document.body.querySelector('.el-dialog__title')?.textContent).toBe('新增部门')
    expect(dialog().querySelector('.is-disabled')).toBeNull()

    await wrapper.find('[data-testid=crud-edit]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.path === '/api/system/departments/7')).toBe(true)
    expect(document.body.querySelector('.el-dialog__title')?.textContent).toBe('编辑部门')
    expect(dialog().querySelector('.is-disabled')).not.toBeNull()
  })
})
