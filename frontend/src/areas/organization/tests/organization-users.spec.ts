import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import { installDirectives } from '@/directives/permission'
import Users from '@/areas/organization/pages/system/Users.vue'
import { fakeServer, flushPromises, signedInAs, type FakeCall } from '../../../../tests/helpers'

/* 用户管理: the org tree filters the list by subtree; buttons follow the permission codes. */
const users = [
  {
    id: 4,
    username: 'bj_asset',
    realName: '李北京资产',
    orgId: 4,
    orgName: '北京分行',
    departmentId: null,
    departmentName: null,
    phone: null,
    email: null,
    status: 'active',
    mustChangePassword: false,
    roles: ['分行资产经理'],
    lastLoginAt: null,
    createdAt: '2024-01-01T00:00:00Z',
  },
  {
    id: 5,
    username: 'bj_cy_am',
    realName: '张朝阳客户经理',
    orgId: 9,
    orgName: '北京朝阳支行',
    departmentId: null,
    departmentName: null,
    phone: null,
    email: null,
    status: 'disabled',
    mustChangePassword: true,
    roles: [],
    lastLoginAt: null,
    createdAt: '2024-01-01T00:00:00Z',
  },
]
const options = {
  orgs: [
    {
      id: 4,
      code: '110000',
      name: '北京分行',
      level: 2,
      status: 'active',
      children: [
        { id: 9, code: '110101', name: '北京朝阳支行', level: 3, status: 'active', children: [] },
      ],
    },
  ],
  posts: [],
  roles: [
    {
      id: 3,
      code: 'auditor',
      name: '审计员',
      dataScope: 'all',
      status: 'active',
      assignable: false,
    },
  ],
}

function server() {
  return fakeServer((call: FakeCall) => {
    if (call.method === 'GET' && call.path === '/api/system/users')
      return { status: 200, body: { data: users, meta: { total: 2, page: 1, perPage: 20 } } }
    if (call.path === '/api/system/users/options') return { status: 200, body: options }
    if (call.method === 'PUT' && call.path.endsWith('/status'))
      return { status: 200, body: { ...users[1], status: call.body.status } }
  })
}

async function openPage(permissions: string[]) {
  const pinia = signedInAs(permissions)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/system/users', component: Users, meta: { title: { zh: '用户管理', en: 'Users' } } },
    ],
  })
  await router.push('/system/users')
  const wrapper = mount(Users, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router, { install: installDirectives }] },
  })
  await flushPromises()
  return wrapper
}

const rowOf = (wrapper: any, username: string) =>
  wrapper
    .findAll('[data-testid=user-table] .el-table__body tr')
    .find((tr: any) => tr.text().includes(username))

describe('用户管理', () => {
  it('lists users and filters by the org subtree picked in the tree', async () => {
    const { calls } = server()
    const wrapper = await openPage(['system:user:list'])
    expect(wrapper.find('[data-testid=user-table]').text()).toContain('张朝阳客户经理')
    expect(wrapper.find('[data-testid=user-table]').text()).toContain('待改密')

    const node = [
      ...document.body.querySelectorAll('[data-testid=user-org-tree] .el-tree-node__content'),
    ].find((el) => el.textContent?.includes('北京朝阳支行')) as HTMLElement
    node.click()
    await flushPromises()
    const last = calls.filter((c) => c.path === '/api/system/users').at(-1)!
    expect(last.query.get('orgId')).toBe('9')
    expect(last.query.get('page')).toBe('1')
  })

  it('shows only the buttons the user is granted', async () => {
    server()
    const readOnly = await openPage(['system:user:list'])
    expect(readOnly.find('[data-testid=user-create]').exists()).toBe(false)
    expect(readOnly.find('[data-testid=user-edit]').exists()).toBe(false)
    expect(rowOf(readOnly, 'bj_asset').text()).not.toContain('重置密码')
    readOnly.unmount()

    server()
    const manager = await openPage([
      'system:user:list',
      'system:user:update',
      'system:user:reset-password',
    ])
    expect(manager.find('[data-testid=user-create]').exists()).toBe(false)
    expect(manager.findAll('[data-testid=user-edit]')).toHaveLength(2)
    expect(rowOf(manager, 'bj_asset').text()).toContain('重置密码')
    expect(rowOf(manager, 'bj_asset').text()).toContain('停用')
    expect(rowOf(manager, 'bj_cy_am').text()).toContain('启用')
    expect(rowOf(manager, 'bj_asset').text()).not.toContain('删除')
  })

  it('enables a disabled user after confirmation', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as any)
    const { calls } = server()
    const wrapper = await openPage(['*'])
    const enable = rowOf(wrapper, 'bj_cy_am')
      .findAll('button')
      .find((b: any) => b.text() === '启用')
    await enable.trigger('click')
    await flushPromises()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.path).toBe('/api/system/users/5/status')
    expect(put.body).toEqual({ status: 'active' })
  })
})
