/*
| Routes of the 系统管理 organization area (under /api/system, each with its
| permission code): 用户, 角色 (with 功能权限 and 数据权限 assignment), 机构,
| 部门, 岗位. Ids are numeric; anything else is not matched.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const UsersController = () => import('#core/controllers/system/users_controller')
const RolesController = () => import('#core/controllers/system/roles_controller')
const OrgsController = () => import('#core/controllers/system/orgs_controller')
const DepartmentsController = () => import('#core/controllers/system/departments_controller')
const PostsController = () => import('#core/controllers/system/posts_controller')
const PermissionsController = () => import('#core/controllers/system/permissions_controller')

const can = (permission: string) => middleware.can({ permission })
const numeric = router.matchers.number()

router
  .group(() => {
    // 用户管理
    router.get('/users', [UsersController, 'index']).use(can('system:user:list'))
    router.get('/users/options', [UsersController, 'options']).use(can('system:user:list'))
    router
      .get('/users/options/departments', [UsersController, 'departmentOptions'])
      .use(can('system:user:list'))
    router
      .get('/users/:id', [UsersController, 'show'])
      .where('id', numeric)
      .use(can('system:user:list'))
    router.post('/users', [UsersController, 'store']).use(can('system:user:create'))
    router
      .put('/users/:id', [UsersController, 'update'])
      .where('id', numeric)
      .use(can('system:user:update'))
    router
      .put('/users/:id/status', [UsersController, 'status'])
      .where('id', numeric)
      .use(can('system:user:update'))
    router
      .put('/users/:id/password', [UsersController, 'resetPassword'])
      .where('id', numeric)
      .use(can('system:user:reset-password'))
    router
      .delete('/users/:id', [UsersController, 'destroy'])
      .where('id', numeric)
      .use(can('system:user:delete'))

    // 角色管理, 功能权限分配, 数据权限分配
    router.get('/roles', [RolesController, 'index']).use(can('system:role:list'))
    router.get('/roles/org-tree', [RolesController, 'orgTree']).use(can('system:role:data-scope'))
    router
      .get('/roles/:id', [RolesController, 'show'])
      .where('id', numeric)
      .use(can('system:role:list'))
    router.post('/roles', [RolesController, 'store']).use(can('system:role:create'))
    router
      .put('/roles/:id', [RolesController, 'update'])
      .where('id', numeric)
      .use(can('system:role:update'))
    router
      .delete('/roles/:id', [RolesController, 'destroy'])
      .where('id', numeric)
      .use(can('system:role:delete'))
    router
      .put('/roles/:id/permissions', [RolesController, 'grant'])
      .where('id', numeric)
      .use(can('system:role:grant'))
    router
      .put('/roles/:id/data-scope', [RolesController, 'dataScope'])
      .where('id', numeric)
      .use(can('system:role:data-scope'))
    router.get('/permissions/tree', [PermissionsController, 'tree']).use(can('system:role:list'))

    // 机构管理
    router.get('/orgs/tree', [OrgsController, 'tree']).use(can('system:org:list'))
    router
      .get('/orgs/:id', [OrgsController, 'show'])
      .where('id', numeric)
      .use(can('system:org:list'))
    router.post('/orgs', [OrgsController, 'store']).use(can('system:org:create'))
    router
      .put('/orgs/:id', [OrgsController, 'update'])
      .where('id', numeric)
      .use(can('system:org:update'))
    router
      .delete('/orgs/:id', [OrgsController, 'destroy'])
      .where('id', numeric)
      .use(can('system:org:delete'))

    // 部门管理
    router.get('/departments', [DepartmentsController, 'index']).use(can('system:dept:list'))
    router
      .get('/departments/org-tree', [DepartmentsController, 'orgTree'])
      .use(can('system:dept:list'))
    router
      .get('/departments/:id', [DepartmentsController, 'show'])
      .where('id', numeric)
      .use(can('system:dept:list'))
    router.post('/departments', [DepartmentsController, 'store']).use(can('system:dept:create'))
    router
      .put('/departments/:id', [DepartmentsController, 'update'])
      .where('id', numeric)
      .use(can('system:dept:update'))
    router
      .delete('/departments/:id', [DepartmentsController, 'destroy'])
      .where('id', numeric)
      .use(can('system:dept:delete'))

    // 岗位管理
    router.get('/posts', [PostsController, 'index']).use(can('system:post:list'))
    router
      .get('/posts/:id', [PostsController, 'show'])
      .where('id', numeric)
      .use(can('system:post:list'))
    router.post('/posts', [PostsController, 'store']).use(can('system:post:create'))
    router
      .put('/posts/:id', [PostsController, 'update'])
      .where('id', numeric)
      .use(can('system:post:update'))
    router
      .delete('/posts/:id', [PostsController, 'destroy'])
      .where('id', numeric)
      .use(can('system:post:delete'))
  })
  .prefix('/api/system')
  .use(middleware.auth())
