import { definePart } from '#core/plugins/define_part'

/* 运维管理 · 系统工具 › 接口测试: run outbound interfaces, keep cases, run suites after an upgrade. */
const button = (code: string, zh: string, en: string, order: number) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission: code,
  order,
})

const Controller = () => import('./interface_tests_controller.js')
const id = /^\d{1,9}$/

export default definePart({
  area: 'interface_tests',
  prefix: '/api/system/interface-tests',
  routes(api) {
    api.get('/interfaces', [Controller, 'interfaces'], 'system:interface-test:list')
    api.get('/cases', [Controller, 'cases'], 'system:interface-test:list')
    api.post('/run', [Controller, 'run'], 'system:interface-test:run')
    api.post('/suite', [Controller, 'suite'], 'system:interface-test:run')
    api.post('/cases', [Controller, 'createCase'], 'system:interface-test:case')
    api.put('/cases/:id', [Controller, 'updateCase'], 'system:interface-test:case').where('id', id)
    api.delete('/cases/:id', [Controller, 'deleteCase'], 'system:interface-test:case').where('id', id)
  },
  menus: [
    {
      under: 'system:tools',
      code: 'system:interface-tests',
      type: 'page',
      name: { zh: '接口测试', en: 'Interface tests' },
      permission: 'system:interface-test:list',
      page: 'system/InterfaceTests',
      path: '/system/interface-tests',
      icon: 'Connection',
      order: 5,
      children: [
        button('system:interface-test:run', '执行测试', 'Run tests', 1),
        button('system:interface-test:case', '维护测试用例', 'Edit test cases', 2),
      ],
    },
  ],
})
