import type { MenuDefinition } from '#core/plugins/types'
import { definePart } from '#core/plugins/define_part'
import { numericId } from '#core/plugins/route_matchers'

const UsersController = () => import('./users_controller.js')
const RolesController = () => import('./roles_controller.js')
const OrgsController = () => import('./orgs_controller.js')
const DepartmentsController = () => import('./departments_controller.js')
const PostsController = () => import('./posts_controller.js')
const PermissionsController = () => import('./permissions_controller.js')

/*
| 系统管理 · organization: 用户, 角色 (with 功能权限 and 数据权限 assignment), 机构,
| 部门, 岗位 under /api/system, each route with its permission code; ids are
| numeric, anything else is not matched.
|
| Its manifest share: 部门管理 and 岗位管理 pages (next to 用户/角色/机构,
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

export default definePart({
  area: 'organization',
  routes(api) {
    // 用户管理
    api.get('/users', [UsersController, 'index'], 'system:user:list')
    api.get('/users/options', [UsersController, 'options'], 'system:user:list')
    api.get(
      '/users/options/departments',
      [UsersController, 'departmentOptions'],
      'system:user:list'
    )
    api.get('/users/:id', [UsersController, 'show'], 'system:user:list').where('id', numericId)
    api.post('/users', [UsersController, 'store'], 'system:user:create')
    api.put('/users/:id', [UsersController, 'update'], 'system:user:update').where('id', numericId)
    api
      .put('/users/:id/status', [UsersController, 'status'], 'system:user:update')
      .where('id', numericId)
    api
      .put('/users/:id/password', [UsersController, 'resetPassword'], 'system:user:reset-password')
      .where('id', numericId)
    api
      .delete('/users/:id', [UsersController, 'destroy'], 'system:user:delete')
      .where('id', numericId)

    // 角色管理, 功能权限分配, 数据权限分配
    api.get('/roles', [RolesController, 'index'], 'system:role:list')
    api.get('/roles/org-tree', [RolesController, 'orgTree'], 'system:role:data-scope')
    api.get('/roles/:id', [RolesController, 'show'], 'system:role:list').where('id', numericId)
    api.post('/roles', [RolesController, 'store'], 'system:role:create')
    api.put('/roles/:id', [RolesController, 'update'], 'system:role:update').where('id', numericId)
    api
      .delete('/roles/:id', [RolesController, 'destroy'], 'system:role:delete')
      .where('id', numericId)
    api
      .put('/roles/:id/permissions', [RolesController, 'grant'], 'system:role:grant')
      .where('id', numericId)
    api
      .put('/roles/:id/data-scope', [RolesController, 'dataScope'], 'system:role:data-scope')
      .where('id', numericId)
    api.get('/permissions/tree', [PermissionsController, 'tree'], 'system:role:list')

    // 机构管理
    api.get('/orgs/tree', [OrgsController, 'tree'], 'system:org:list')
    api.get('/orgs/:id', [OrgsController, 'show'], 'system:org:list').where('id', numericId)
    api.post('/orgs', [OrgsController, 'store'], 'system:org:create')
    api.put('/orgs/:id', [OrgsController, 'update'], 'system:org:update').where('id', numericId)
    api.delete('/orgs/:id', [OrgsController, 'destroy'], 'system:org:delete').where('id', numericId)

    // 部门管理
    api.get('/departments', [DepartmentsController, 'index'], 'system:dept:list')
    api.get('/departments/org-tree', [DepartmentsController, 'orgTree'], 'system:dept:list')
    api
      .get('/departments/:id', [DepartmentsController, 'show'], 'system:dept:list')
      .where('id', numericId)
    api.post('/departments', [DepartmentsController, 'store'], 'system:dept:create')
    api
      .put('/departments/:id', [DepartmentsController, 'update'], 'system:dept:update')
      .where('id', numericId)
    api
      .delete('/departments/:id', [DepartmentsController, 'destroy'], 'system:dept:delete')
      .where('id', numericId)

    // 岗位管理
    api.get('/posts', [PostsController, 'index'], 'system:post:list')
    api.get('/posts/:id', [PostsController, 'show'], 'system:post:list').where('id', numericId)
    api.post('/posts', [PostsController, 'store'], 'system:post:create')
    api.put('/posts/:id', [PostsController, 'update'], 'system:post:update').where('id', numericId)
    api
      .delete('/posts/:id', [PostsController, 'destroy'], 'system:post:delete')
      .where('id', numericId)
  },
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
})
