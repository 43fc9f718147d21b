import { describe, expect, it } from 'vitest'
import GrantPermissionsDialog from '@/areas/organization/components/GrantPermissionsDialog.vue'
import {
  allCodes,
  checkedKeysFor,
  collectGrantedCodes,
  toGrantTree,
  type GrantNode,
} from '@/areas/organization/components/grant-tree'
import { parentOptions } from '@/areas/organization/components/org-tree'
import type { OrgNode, PermissionNode, SystemRole } from '@/areas/organization/api'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from '../../../../tests/helpers'

/* The 分配权限 dialog sends exactly the codes of fully checked nodes. */
const name = (zh: string) => ({ zh, en: zh })
const permissionTree: PermissionNode[] = [
  {
    key: 'system:root',
    type: 'directory',
    name: name('系统管理'),
    permission: null,
    children: [
      {
        key: 'system:users',
        type: 'page',
        name: name('用户管理'),
        permission: 'system:user:list',
        children: [
          {
            key: 'system:user:create',
            type: 'button',
            name: name('新增用户'),
            permission: 'system:user:create',
            children: [],
          },
          {
            key: 'system:user:delete',
            type: 'button',
            name: name('删除用户'),
            permission: 'system:user:delete',
            children: [],
          },
        ],
      },
      {
        key: 'system:jobs',
        type: 'page',
        name: name('后台任务'),
        permission: 'system:job:list',
        children: [],
      },
    ],
  },
]

const role: SystemRole = {
  id: 5,
  code: 'teller',
  name: '柜员',
  dataScope: 'self',
  sort: 1,
  status: 'active',
  remark: null,
  builtIn: false,
  permissions: ['system:user:list', 'system:user:create'],
  orgIds: [],
  userCount: 0,
}

describe('grant tree helpers', () => {
  const tree = toGrantTree(permissionTree)
  const users = tree[0].children[0]

  it('gives a page with buttons its own "open page" leaf, so list-only can be granted', () => {
    expect(users.permission).toBeNull()
    expect(users.children.map((c) => c.permission)).toEqual([
      'system:user:list',
      'system:user:create',
      'system:user:delete',
    ])
    expect(users.children[0].key).toBe('view:system:users')
    // A page without buttons stays a leaf carrying its code.
    expect(tree[0].children[1].permission).toBe('system:job:list')
    expect(allCodes(tree)).toEqual([
      'system:job:list',
      'system:user:create',
      'system:user:delete',
      'system:user:list',
    ])
  })

  it('checks only leaves for a role, never a parent that would check all its children', () => {
    expect(checkedKeysFor(tree, ['system:user:list', 'system:user:create'])).toEqual([
      'view:system:users',
      'system:user:create',
    ])
    expect(checkedKeysFor(tree, ['*'])).toHaveLength(4)
    expect(checkedKeysFor(tree, ['unknown:code:x'])).toEqual([])
  })

  it('collects the codes of checked nodes, without half-checked ones, unique and sorted', () => {
    const half = { permission: 'system:should:not' } as GrantNode
    const checked = [
      users.children[1],
      users.children[0],
      users.children[0],
      half,
      tree[0], // a fully checked directory carries no code of its own
    ]
    expect(collectGrantedCodes(checked, [half])).toEqual(['system:user:create', 'system:user:list'])
  })

  it('disables an org and its subtree as a new parent', () => {
    const orgs: OrgNode[] = [
      {
        id: 1,
        code: '000000',
        name: '总行',
        level: 1,
        status: 'active',
        children: [
          {
            id: 4,
            code: '110000',
            name: '北京分行',
            level: 2,
            status: 'active',
            children: [{ id: 9, code: '110101', name: '朝阳支行', level: 3, status: 'active' }],
          },
          { id: 5, code: '310000', name: '上海分行', level: 2, status: 'active' },
        ],
      },
    ]
    const options = parentOptions(orgs, 4)
    const flat = (nodes: any[]): any[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])])
    expect(
      flat(options)
        .filter((n) => n.disabled)
        .map((n) => n.id)
    ).toEqual([4, 9])
  })
})

describe('GrantPermissionsDialog', () => {
  function server() {
    return fakeServer((call) => {
      if (call.path === '/api/system/permissions/tree') return { status: 200, body: permissionTree }
      if (call.method === 'PUT' && call.path === '/api/system/roles/5/permissions')
        return { status: 200, body: { ...role, permissions: call.body.permissions } }
    })
  }

  async function openDialog() {
    const wrapper = mountInConsole(GrantPermissionsDialog, signedInAs(['*']), {
      props: { role, visible: false },
    })
    await wrapper.setProps({ visible: true })
    await flushPromises()
    await flushPromises()
    return wrapper
  }

  const nodeCheckbox = (label: string) => {
    const node = [...document.body.querySelectorAll('.el-tree-node__content')].find((el) =>
      el.textContent?.trim().startsWith(label)
    ) as HTMLElement
    return node.querySelector('.el-checkbox input') as HTMLInputElement
  }

  it("shows the role's codes checked and sends them back unchanged", async () => {
    const { calls } = server()
    await openDialog()
    expect(nodeCheckbox('访问页面').checked).toBe(true)
    expect(nodeCheckbox('新增用户').checked).toBe(true)
    expect(nodeCheckbox('删除用户').checked).toBe(false)
    // 用户管理 is half-checked: two of its three leaves.
    const users = [...document.body.querySelectorAll('.el-tree-node__content')].find((el) =>
      el.textContent?.includes('用户管理')
    )!
    expect(users.querySelector('.el-checkbox__input.is-indeterminate')).not.toBeNull()

    ;(document.body.querySelector('[data-testid=grant-save]') as HTMLElement).click()
    await flushPromises()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.body).toEqual({ permissions: ['system:user:create', 'system:user:list'] })
  })

  it('sends a newly checked button and never the half-checked parents', async () => {
    const { calls } = server()
    const wrapper = await openDialog()
    nodeCheckbox('后台任务').click()
    nodeCheckbox('新增用户').click()
    await flushPromises()
    ;(document.body.querySelector('[data-testid=grant-save]') as HTMLElement).click()
    await flushPromises()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.body.permissions).toEqual(['system:job:list', 'system:user:list'])
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })
})
