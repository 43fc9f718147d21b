/* 系统管理 · 权限管理 › 目录同步 (/api/system/directory-sync). */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Controller = () => import('./directory_sync_controller.js')
const can = (permission: string) => middleware.can({ permission })
const id = /^\d{1,9}$/

router
  .group(() => {
    router.get('/runs', [Controller, 'runs']).use(can('system:directory-sync:list'))
    router
      .get('/runs/:id', [Controller, 'show'])
      .where('id', id)
      .use(can('system:directory-sync:list'))
    router.post('/runs', [Controller, 'compute']).use(can('system:directory-sync:list'))
    router
      .post('/runs/:id/apply', [Controller, 'apply'])
      .where('id', id)
      .use(can('system:directory-sync:apply'))
  })
  .prefix('/api/system/directory-sync')
  .use(middleware.auth())
