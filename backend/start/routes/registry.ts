/*
| Routes of the 系统管理 registry area: 菜单管理, 数据字典, 系统提示管理, 参数管理
| (业务参数 / 技术参数) and 插件管理 under /api/system, each with its permission
| code; and what every signed-in console reads (dictionaries, prompt texts).
*/
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DictionariesController = () => import('#core/controllers/dictionaries_controller')
const DictionariesAdminController = () =>
  import('#core/controllers/system/dictionaries_admin_controller')
const MenusController = () => import('#core/controllers/system/menus_controller')
const PromptsController = () => import('#core/controllers/system/prompts_controller')
const RegistryController = () => import('#core/controllers/system/registry_controller')

const can = (permission: string) => middleware.can({ permission })

router
  .group(() => {
    /* Any signed-in user: the console renders codes as labels and may show prompt texts. */
    router.get('/dictionaries', [DictionariesController, 'index'])
    router.get('/dictionaries/version', [DictionariesController, 'version'])
    router.get('/prompts', [PromptsController, 'overrides'])

    router
      .group(() => {
        router.get('/menus', [MenusController, 'index']).use(can('system:menu:list'))
        router.post('/menus', [MenusController, 'store']).use(can('system:menu:create'))
        router.put('/menus/:code', [MenusController, 'update']).use(can('system:menu:update'))
        router.delete('/menus/:code', [MenusController, 'destroy']).use(can('system:menu:delete'))

        router
          .get('/dictionaries', [DictionariesAdminController, 'index'])
          .use(can('system:dict:list'))
        router
          .post('/dictionaries', [DictionariesAdminController, 'storeType'])
          .use(can('system:dict:create'))
        router
          .put('/dictionaries/:code', [DictionariesAdminController, 'updateType'])
          .use(can('system:dict:update'))
        router
          .delete('/dictionaries/:code', [DictionariesAdminController, 'destroyType'])
          .use(can('system:dict:delete'))
        router
          .put('/dictionaries/:code/order', [DictionariesAdminController, 'reorder'])
          .use(can('system:dict:update'))
        router
          .post('/dictionaries/:code/items', [DictionariesAdminController, 'storeItem'])
          .use(can('system:dict:create'))
        router
          .put('/dictionaries/:code/items/:id', [DictionariesAdminController, 'updateItem'])
          .use(can('system:dict:update'))
        router
          .delete('/dictionaries/:code/items/:id', [DictionariesAdminController, 'destroyItem'])
          .use(can('system:dict:delete'))

        router.get('/prompts', [PromptsController, 'index']).use(can('system:prompt:list'))
        router.put('/prompts/:key', [PromptsController, 'update']).use(can('system:prompt:update'))

        router.get('/settings', [RegistryController, 'settings']).use(can('system:setting:list'))
        router
          .put('/settings/:key', [RegistryController, 'updateSetting'])
          .use(can('system:setting:update'))
        router
          .put('/settings/:key/freeze', [RegistryController, 'freezeSetting'])
          .use(can('system:setting:freeze'))

        router.get('/plugins', [RegistryController, 'plugins']).use(can('system:plugin:list'))
      })
      .prefix('/system')
  })
  .prefix('/api')
  .use(middleware.auth())

/*
| After boot (app ready hooks run after PluginProvider.ready, i.e. after the sync):
| - the four-eyes kind `setting.frozen` must be known before an approval arrives
|   on this node, even if no freeze was requested here;
| - the plugin sync rewrites dictionaries and parameters without telling the
|   caches, so every cache gets a new version and other nodes drop their copies.
| Imported here rather than at the top, so the routes preload stays free of
| modules with top-level await (env, the database service).
*/
app.ready(async () => {
  await import('#core/settings/freeze_change')
  if (app.getEnvironment() !== 'web') return
  const { announceSyncedRegistry } = await import('#core/cache/app_caches')
  await import('#core/cache/dictionaries_cache')
  await import('#core/cache/prompts_cache')
  await import('#core/settings/settings_cache')
  await import('#core/auth/access_cache')
  await announceSyncedRegistry()
})
