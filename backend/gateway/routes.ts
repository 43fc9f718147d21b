/*
| 接入网关: the inbound calls (/gateway/v1/<plugin>/<code>, outside /api: no
| session, no CSRF, no repeat-submit guard — the signature and its nonce are the
| guard) and their administration under 运维管理 (/api/system/gateway).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Controller = () => import('./gateway_controller.js')
const can = (permission: string) => middleware.can({ permission })
const slug = /^[a-z][a-z0-9-]{1,63}$/

router
  .route('/gateway/v1/:plugin/:code', ['GET', 'POST'], async (ctx) =>
    (await import('./gateway_handler.js')).handleGatewayCall(ctx)
  )
  .where('plugin', slug)
  .where('code', slug)

router
  .group(() => {
    router.get('/clients', [Controller, 'clients']).use(can('system:gateway:list'))
    router.post('/clients', [Controller, 'createClient']).use(can('system:gateway:manage'))
    router
      .put('/clients/:id', [Controller, 'updateClient'])
      .where('id', /^\d{1,9}$/)
      .use(can('system:gateway:manage'))
    router
      .post('/clients/:id/rotate', [Controller, 'rotate'])
      .where('id', /^\d{1,9}$/)
      .use(can('system:gateway:manage'))
    router.get('/interfaces', [Controller, 'interfaces']).use(can('system:gateway:list'))
    router
      .put('/interfaces/:code', [Controller, 'switchInterface'])
      .where('code', /^[a-z][a-z0-9-]{1,39}\.[a-z][a-z0-9-]{1,63}$/)
      .use(can('system:gateway:manage'))
    router.get('/calls', [Controller, 'calls']).use(can('system:gateway:list'))
    router.get('/openapi', [Controller, 'openapi']).use(can('system:gateway:list'))
  })
  .prefix('/api/system/gateway')
  .use(middleware.auth())
