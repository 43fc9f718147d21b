import { definePlugin } from '#core/plugins/define_plugin'
import type { PluginManifest, PluginRouter } from '#core/plugins/types'
import review from './parts/review.js'
import plans from './parts/plans.js'
import noRecourse from './parts/no_recourse.js'
import ledgers from './parts/ledgers.js'

/*
| 核销管理 (spec §3.3): 合规审查 against configurable 核销条件, 核销方案申报 single
| and batch with approval (and the 资产处置委员会 where the amount says), 上会材料,
| 核销批复, 账务处理 through the outbox to core banking, 无追索权认定, and the
| ledgers 核销资产台账 / 信用卡核销台账. Each area is a part in parts/*.ts;
| the menus sit under 资产处置 › 核销管理.
|
| dependsOn: the book (loans, card accounts) is credit-assets'; the 影像平台 and
| core banking are bank-systems' connectors; a write-off is a disposal outcome
| (disposal's public outcome service); plans above the threshold go to the
| 资产处置委员会 through committee's public service — all loaded and migrated first.
*/
type Part = Pick<
  PluginManifest,
  | 'routes'
  | 'permissions'
  | 'menus'
  | 'dictionaries'
  | 'settings'
  | 'jobs'
  | 'ledgers'
  | 'workflowTypes'
  | 'documentTemplates'
  | 'dashboardWidgets'
>

const parts: Part[] = [review, plans, noRecourse, ledgers]

type ListKey = Exclude<keyof Part, 'routes'>

const all = <K extends ListKey>(key: K): NonNullable<Part[K]> =>
  parts.flatMap((part) => (part[key] ?? []) as unknown[]) as NonNullable<Part[K]>

export default definePlugin({
  id: 'write-off',
  name: { zh: '核销管理', en: 'Write-off' },
  version: '0.1.0',
  description: {
    zh: '呆账核销：合规审查、核销方案（单笔/批量）、上会、批复、核心账务处理、无追索权认定、核销台账',
    en: 'Bad-debt write-off: compliance review, plans, committee, reply, core postings, no-recourse, ledgers',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'disposal', 'committee'],
  // The committee's callback for write-off plans (上会情况), registered in every process.
  startup: () => import('./startup.js'),

  routes(router: PluginRouter) {
    for (const part of parts) part.routes?.(router)
  },

  permissions: all('permissions'),

  menus: [
    {
      code: 'write-off:root',
      type: 'directory',
      parent: 'disposal:root',
      order: 30,
      name: { zh: '核销管理', en: 'Write-off' },
      icon: 'DocumentDelete',
      children: all('menus'),
    },
  ],

  dictionaries: all('dictionaries'),
  settings: all('settings'),
  jobs: all('jobs'),
  ledgers: all('ledgers'),
  workflowTypes: all('workflowTypes'),
  documentTemplates: all('documentTemplates'),
  dashboardWidgets: all('dashboardWidgets'),
})
