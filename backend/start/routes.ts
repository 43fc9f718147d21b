/*
| Core API routes. Every route other than login and health names its permission
| code. Plugins' routes are mounted by start/plugin_routes.ts, never here.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HealthController = () => import('#core/controllers/health_controller')
const DictionariesController = () => import('#core/controllers/dictionaries_controller')
const JobsController = () => import('#core/controllers/jobs_controller')
const UsersController = () => import('#core/controllers/system/users_controller')
const RolesController = () => import('#core/controllers/system/roles_controller')
const OrgsController = () => import('#core/controllers/system/orgs_controller')
const MenusController = () => import('#core/controllers/system/menus_controller')
const RegistryController = () => import('#core/controllers/system/registry_controller')

const can = (permission: string) => middleware.can({ permission })

router
  .group(() => {
    router.get('/health', [HealthController, 'show'])

    router
      .group(() => {
        router.get('/dictionaries', [DictionariesController, 'index'])
        router.get('/jobs/:id', [JobsController, 'show'])

        router
          .group(() => {
            router.get('/users', [UsersController, 'index']).use(can('system:user:list'))
            router.get('/roles', [RolesController, 'index']).use(can('system:role:list'))
            router.get('/orgs/tree', [OrgsController, 'tree']).use(can('system:org:list'))
            router.get('/menus', [MenusController, 'index']).use(can('system:menu:list'))
            router.put('/menus/:code', [MenusController, 'update']).use(can('system:menu:update'))
            router
              .get('/dictionaries', [RegistryController, 'dictionaries'])
              .use(can('system:dict:list'))
            router.get('/plugins', [RegistryController, 'plugins']).use(can('system:plugin:list'))
            router
              .get('/settings', [RegistryController, 'settings'])
              .use(can('system:setting:list'))
            router
              .put('/settings/:key', [RegistryController, 'updateSetting'])
              .use(can('system:setting:update'))
            router.get('/jobs', [JobsController, 'index']).use(can('system:job:list'))
          })
          .prefix('/system')
      })
      .use(middleware.auth())
  })
  .prefix('/api')

/* 系统管理 areas keep their routes in their own files. */
import './routes/identity.js'
import './routes/organization.js'
import './routes/registry.js'
import './routes/holidays.js'
import './routes/notices.js'
import './routes/audit.js'
