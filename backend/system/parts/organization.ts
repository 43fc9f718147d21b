import type { MenuDefinition } from '#core/plugins/types'
import type { ManifestPart } from './part.js'

/*
| 系统管理 · organization: 部门管理 and 岗位管理 pages (next to 用户/角色/机构,
| which sit in the base manifest), and the codes of actions that have no menu
| of their own: resetting a password, 功能权限分配 and 数据权限分配. The grant
| editor shows those codes under the page of the same resource.
*/
const crudButtons = (resource: string, zh: string, en: string): MenuDefinition[] =>
  (
    [
      ['create', '新增', 'Create'],
      ['update', '修改', 'Edit'],
      ['delete', '删除', 'Delete'],
    ] as const
  ).map(([action, actionZh, actionEn]) => ({
    code: `system:${resource}:${action}`,
    type: 'button' as const,
    name: { zh: `${actionZh}${zh}`, en: `${actionEn} ${en}` },
    permission: `system:${resource}:${action}`,
  }))

const part: ManifestPart = {
  menus: [
    {
      under: 'system:access',
      code: 'system:departments',
      type: 'page',
      name: { zh: '部门管理', en: 'Departments' },
      permission: 'system:dept:list',
      page: 'system/Departments',
      path: '/system/departments',
      icon: 'School',
      order: 2,
      children: crudButtons('dept', '部门', 'department'),
    },
    {
      under: 'system:access',
      code: 'system:posts',
      type: 'page',
      name: { zh: '岗位管理', en: 'Posts' },
      permission: 'system:post:list',
      page: 'system/Posts',
      path: '/system/posts',
      icon: 'Postcard',
      order: 3,
      children: crudButtons('post', '岗位', 'post'),
    },
  ],
  permissions: [
    { code: 'system:user:reset-password', name: { zh: '重置密码', en: 'Reset password' } },
    { code: 'system:role:grant', name: { zh: '分配功能权限', en: 'Assign permissions' } },
    { code: 'system:role:data-scope', name: { zh: '分配数据权限', en: 'Assign data scope' } },
  ],
  dictionaries: [],
  settings: [],
}

export default part
