/*
| Routes of 服务管理 (/api/system/connectors) and 外发消息 (/api/system/outbox),
| each with its permission code. Fixed paths (calls, openapi.json) come before
| `:code` so they are not read as a system code.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ConnectorsController = () => import('#core/connectors/connectors_controller')
const OutboxController = () => import('#core/connectors/outbox_controller')

const can = (permission: string) => middleware.can({ permission })

router
  .group(() => {
    router.get('/connectors', [ConnectorsController, 'index']).use(can('system:connector:list'))
    router
      .get('/connectors/calls', [ConnectorsController, 'calls'])
      .use(can('system:connector:list'))
    router
      .get('/connectors/openapi.json', [ConnectorsController, 'openapi'])
      .use(can('system:connector:list'))
    router
      .put('/connectors/:code', [ConnectorsController, 'update'])
      .use(can('system:connector:update'))
    router
      .put('/connectors/:code/interfaces/:iface', [ConnectorsController, 'updateInterface'])
      .use(can('system:connector:update'))
    router
      .post('/connectors/:code/check', [ConnectorsController, 'check'])
      .use(can('system:connector:check'))

    router.get('/outbox', [OutboxController, 'index']).use(can('system:outbox:list'))
    router.post('/outbox/:id/retry', [OutboxController, 'retry']).use(can('system:outbox:retry'))
  })
  .prefix('/api/system')
  .use(middleware.auth())
