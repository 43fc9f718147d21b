import type { ManifestPart } from '#core/system/parts/part'

/* 运维管理 · 系统工具 › 接口测试: run outbound interfaces, keep cases, run suites after an upgrade. */
const button = (code: string, zh: string, en: string, order: number) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission: code,
  order,
})

const part: ManifestPart = {
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
}

export default part
