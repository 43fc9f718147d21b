import { definePlugin } from '#core/plugins/define_plugin'
import { bankSystemDefinitions, DEFAULT_SIMULATOR_PORT } from './systems.js'

/*
| 外部系统对接: the bank's 13 external systems as typed adapters
| (adapters/contracts.ts, HTTP implementations in adapters/http, replaceable one
| at a time through adapters/index.ts `useAdapter`) and, for the demo and the
| tests, a simulator serving all of them on loopback (simulator/). 服务管理 lists
| the systems; this plugin adds no pages of its own.
*/
export default definePlugin({
  id: 'bank-systems',
  name: { zh: '外部系统对接', en: 'Bank Systems' },
  version: '0.1.0',
  description: {
    zh: '核心系统、统一授信、智能预警、智能风控、智能催收等 13 个外部系统的适配器与演示模拟器',
    en: 'Adapters for the 13 external bank systems, and a simulator for the demo',
  },
  // The simulator tells the credit-assets book's story (same customers, loans, collateral).
  dependsOn: ['credit-assets'],

  // What other plugins may import: the adapter contracts and `useAdapter`, and the
  // simulator harness their tests start (docs/plugins.md "Reading another plugin's data").
  publicModules: [
    'adapters/contracts.ts',
    'adapters/index.ts',
    'simulator/harness.ts',
    // Other plugins' simulator endpoints (their own feeds of a bank system).
    'simulator/desks.ts',
  ],

  settings: [
    {
      key: 'bank-systems.simulator.port',
      name: { zh: '外部系统模拟器端口', en: 'Simulator port' },
      type: 'number',
      default: String(DEFAULT_SIMULATOR_PORT),
      description:
        '仅演示模式：模拟器监听的本机端口（环境变量 SIMULATOR_PORT 优先）；修改后需在服务管理中同步调整各系统地址',
    },
  ],

  connectors: bankSystemDefinitions,

  jobs: [
    {
      // 风险资产日终同步 from 数据中台 (before end of day; see jobs/data_platform_sync.ts).
      name: 'bank-systems:data-platform-sync',
      handler: () => import('./jobs/data_platform_sync.js'),
      schedule: '0 5 * * *',
    },
  ],

  startup: () => import('./startup.js'),
})
