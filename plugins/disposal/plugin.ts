import { definePlugin } from '#core/plugins/define_plugin'
import type { PluginManifest, PluginRouter } from '#core/plugins/types'
import interest from './parts/interest.js'
import limitation from './parts/limitation.js'
import outcomes from './parts/outcomes.js'
import plans from './parts/plans.js'

/*
| 资产处置 (spec §3.1 处置管理): 处置预案 (plans, with approval), 处置结果
| (outcomes: the public record of every disposal carried out, listed by
| 资产处置台账), 时效管理 (limitation periods) and 利息试算 (interest trial). Each area is one manifest
| part in parts/*.ts; this file only merges them, so areas never edit each
| other's lists. Every part's menus sit under 资产处置 › 处置管理.
|
| dependsOn: plans read customers and loans (ca_* tables) from credit-assets
| and call the bank's systems through bank-systems' adapters, so both must be
| loaded (and migrated) first.
*/
type Part = Pick<
  PluginManifest,
  | 'routes'
  | 'permissions'
  | 'menus'
  | 'dictionaries'
  | 'settings'
  | 'jobs'
  | 'dailySteps'
  | 'ledgers'
  | 'workflowTypes'
  | 'documentTemplates'
  | 'dashboardWidgets'
>

const parts: Part[] = [plans, outcomes, limitation, interest]

type ListKey = Exclude<keyof Part, 'routes'>

const all = <K extends ListKey>(key: K): NonNullable<Part[K]> =>
  parts.flatMap((part) => (part[key] ?? []) as unknown[]) as NonNullable<Part[K]>

export default definePlugin({
  id: 'disposal',
  name: { zh: '资产处置', en: 'Asset Disposal' },
  version: '0.1.0',
  description: {
    zh: '处置预案（审批）、诉讼时效管理、逾期利息试算、动态司法流程报告',
    en: 'Disposal plans with approval, limitation periods, overdue interest trial, judicial timeline report',
  },
  dependsOn: ['credit-assets', 'bank-systems'],

  // What other plugins may use (docs/plugins.md "Reading another plugin's data"):
  // approved plans for later reports, the record of disposals carried out, and the
  // limitation events other plugins record (起诉, 判决 …) with a loan's periods.
  publicModules: [
    'services/plans_api.ts',
    'services/outcomes_api.ts',
    'services/limitation_api.ts',
    'services/interest_api.ts',
  ],

  routes(router: PluginRouter) {
    for (const part of parts) part.routes?.(router)
  },

  permissions: all('permissions'),

  menus: [
    {
      code: 'disposal:root',
      type: 'directory',
      name: { zh: '资产处置', en: 'Asset Disposal' },
      icon: 'Files',
      order: 200,
      children: [
        {
          code: 'disposal:management',
          type: 'directory',
          name: { zh: '处置管理', en: 'Disposal Management' },
          icon: 'Management',
          children: all('menus'),
        },
      ],
    },
  ],

  dictionaries: all('dictionaries'),
  settings: all('settings'),
  jobs: all('jobs'),
  dailySteps: all('dailySteps'),
  ledgers: all('ledgers'),
  workflowTypes: all('workflowTypes'),
  documentTemplates: all('documentTemplates'),
  dashboardWidgets: all('dashboardWidgets'),
  // The customer's plans on 客户视图 (ui/slots/; customer-view offers the slot, docs/plugins.md).
  slots: [
    {
      slot: 'customer-view:customer-panels',
      id: 'customer-plans',
      title: { zh: '处置预案', en: 'Disposal plans' },
      component: 'disposal/slots/CustomerPlansPanel',
      permission: 'disposal:plan:list',
      order: 10,
    },
  ],
  // The timeline's disposal events (recorded through credit-assets' book_writer).
  eventKinds: [{ kind: 'disposal', label: { zh: '处置', en: 'Disposal' } }],
  // Approved 清收 plans and the recovery flow's outcomes; the generator records a new book's outcomes.
  demo: { job: 'disposal:demo-seed', generator: 'disposal:recovery-outcomes' },
})
