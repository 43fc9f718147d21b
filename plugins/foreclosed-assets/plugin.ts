import { definePlugin } from '#core/plugins/define_plugin'
import type { PluginRouter } from '#core/plugins/types'
import type { Part } from './parts/part.js'
import assets from './parts/assets.js'
import custody from './parts/custody.js'
import disposal from './parts/disposal.js'
import ledgers from './parts/ledgers.js'
import { L } from './parts/part.js'

/*
| 抵债资产 (spec §4): the assets taken in settlement of debt, from their receipt
| (handed over by the foreclosure plugin through services/foreclosed_assets_api.ts)
| to their disposal. 资产分类 and the legal 处置期限 (configurable class rules),
| 资产分发, 定期检查, 资产保管 (basic info, values, 账实核对, 临时经营, income and
| expenses), 资产处置 (出售, 转固, 列损 with approval and postings), the ledgers
| 抵债资产明细 and 闲置资产台账. Each area is a part in parts/*.ts.
|
| dependsOn: the book (credit-assets: loans and customers), the bank's systems
| (bank-systems: core banking postings, the 影像平台), the committee and expenses.
*/
const parts: Part[] = [assets, custody, disposal, ledgers]

type ListKey = Exclude<keyof Part, 'routes'>
const all = <K extends ListKey>(key: K): NonNullable<Part[K]> =>
  parts.flatMap((part) => (part[key] ?? []) as unknown[]) as NonNullable<Part[K]>

export default definePlugin({
  id: 'foreclosed-assets',
  name: { zh: '抵债资产', en: 'Foreclosed assets' },
  version: '0.1.0',
  description: {
    zh: '抵债资产分发、定期检查、资产保管（临时经营、收支登记）、处置（出售/转固/列损）、处置期限提醒、抵债资产明细与闲置资产台账',
    en: 'Foreclosed assets: distribution, periodic checks, custody (leases, income), disposal, disposal deadlines, ledgers',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'committee', 'expenses'],
  startup: () => import('./startup.js'),
  // What other plugins may use (docs/plugins.md "Foreclosed assets"): receive an asset, read one.
  publicModules: ['services/foreclosed_assets_api.ts'],

  routes(router: PluginRouter) {
    for (const part of parts) part.routes?.(router)
  },

  permissions: all('permissions'),
  menus: [
    {
      code: 'foreclosed-assets:root',
      type: 'directory',
      name: L('抵债资产', 'Foreclosed assets'),
      icon: 'OfficeBuilding',
      order: 250,
      children: all('menus'),
    },
  ],
  dictionaries: all('dictionaries'),
  settings: all('settings'),
  jobs: [{ name: 'foreclosed-assets:demo-seed', handler: () => import('./jobs/demo_seed.js') }],
  // Six assets of every class, two distributed (jobs/demo_seed.ts).
  demo: { job: 'foreclosed-assets:demo-seed' },
  ledgers: all('ledgers'),
  workflowTypes: all('workflowTypes'),
  documentTemplates: all('documentTemplates'),
  dashboardWidgets: all('dashboardWidgets'),
  dailySteps: all('dailySteps'),
})
