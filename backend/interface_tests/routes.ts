/* 运维管理 · 系统工具 › 接口测试 (/api/system/interface-tests). */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Controller = () => import('./interface_tests_controller.js')
const can = (permission: string) => middleware.can({ permission })
const id = /^\d{1,9}$/

router
  .group(() => {
    router.get('/interfaces', [Controller, 'interfaces']).use(can('system:interface-test:list'))
    router.get('/cases', [Controller, 'cases']).use(can('system:interface-test:list'))
    router.post('/run', [Controller, 'run']).use(can('system:interface-test:run'))
    router.post('/suite', [Controller, 'suite']).use(can('system:interface-test:run'))
    router.post('/cases', [Controller, 'createCase']).use(can('system:interface-test:case'))
    router
      .put('/cases/:id', [Controller, 'updateCase'])
      .where('id', id)
      .use(can('system:interface-test:case'))
    router
      .delete('/cases/:id', [Controller, 'deleteCase'])
      .where('id', id)
      .use(can('system:interface-test:case'))
  })
  .prefix('/api/system/interface-tests')
  .use(middleware.auth())
