import { definePlugin } from '#core/plugins/define_plugin'
import type { PluginManifest, PluginRouter } from '#core/plugins/types'
import cases from './parts/cases.js'
import documents from './parts/documents.js'
import feeTrial from './parts/fee_trial.js'
import lawyers from './parts/lawyers.js'
import ledgers from './parts/ledgers.js'
import plans from './parts/plans.js'
import proceedings from './parts/proceedings.js'

/*
| 诉讼管理 (spec §3.2): 诉前方案申报, 律师选聘申请, 案件信息登记, 法律文书申请, 诉中方案申报, and the
| 诉讼费试算. Each area is one manifest part in parts/*.ts; this file only merges them, so areas
| never edit each other's lists. Menus sit under 资产处置 (disposal's directory) › 诉讼管理.
|
| dependsOn: the book through credit-assets' public service, the bank's systems (核心系统 for
| 标的金额, 智能催收 for 催收 records) through bank-systems, and disposal's public services
| (approved 处置预案, limitation interruptions), fees through the expenses plugin, and the
| confirmed recoveries a risk-based lawyer fee is computed on (recoveries' public service).
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

const parts: Part[] = [plans, lawyers, cases, documents, proceedings, ledgers, feeTrial]

type ListKey = Exclude<keyof Part, 'routes'>

const all = <K extends ListKey>(key: K): NonNullable<Part[K]> =>
  parts.flatMap((part) => (part[key] ?? []) as unknown[]) as NonNullable<Part[K]>

export default definePlugin({
  id: 'litigation',
  name: { zh: '诉讼管理', en: 'Litigation' },
  version: '0.1.0',
  description: {
    zh: '诉前方案、律师选聘、案件登记与进展、法律文书、诉中方案、诉讼费试算',
    en: 'Pre-litigation plans, lawyers, cases and progress, legal documents, in-proceeding plans, court-fee trial',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'disposal', 'expenses', 'recoveries'],

  // What other plugins (and the plugin's other areas) may use: the court-fee trial.
  publicModules: ['services/fee_api.ts', 'services/case_status_api.ts'],

  routes(router: PluginRouter) {
    for (const part of parts) part.routes?.(router)
  },

  permissions: all('permissions'),

  menus: [
    {
      code: 'litigation:root',
      type: 'directory',
      parent: 'disposal:root',
      name: { zh: '诉讼管理', en: 'Litigation' },
      icon: 'Stamp',
      order: 20,
      children: all('menus'),
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
  // The customer's cases on 客户视图 (ui/slots/; customer-view offers the slot, docs/plugins.md).
  slots: [
    {
      slot: 'customer-view:customer-panels',
      id: 'customer-cases',
      title: { zh: '诉讼案件', en: 'Litigation cases' },
      component: 'litigation/slots/CustomerCasesPanel',
      permission: 'litigation:case:list',
      order: 20,
    },
  ],
  // A case's filing, judgments, preservations and progress on the customer's timeline (cases/case_events.ts).
  eventKinds: [{ kind: 'litigation.case', label: { zh: '诉讼案件', en: 'Litigation case' } }],
})
