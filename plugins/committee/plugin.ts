import { definePlugin } from '#core/plugins/define_plugin'
import type { PluginRouter } from '#core/plugins/types'
import type { Part } from './parts/part.js'
import items from './parts/items.js'
import meetings from './parts/meetings.js'
import rules from './parts/rules.js'
import { committeeDictionaries } from './parts/dictionaries.js'

/*
| 资产处置委员会会议 (spec §2.8): any plugin puts an item before the committee
| (services/committee_api.ts), a meeting (总行 / 分行) takes items on its agenda,
| members vote per item under the meeting type's rule (configured as records on
| 议事规则), the announcement decides the item and runs the submitting plugin's
| callback in the same transaction; 会议纪要 and 决议 print from templates.
| Each area is one manifest part in parts/*.ts; this file only merges them.
|
| Menus: 日常管理 › 资产处置委员会会议 (customer-view's 日常管理 directory; a root of the
| side menu while customer-view is disabled). dependsOn customer-view only so that
| directory is synced first; the committee reads nothing of it.
*/
const parts: Part[] = [meetings, items, rules]

type ListKey = Exclude<keyof Part, 'routes'>

const all = <K extends ListKey>(key: K): NonNullable<Part[K]> =>
  parts.flatMap((part) => (part[key] ?? []) as unknown[]) as NonNullable<Part[K]>

export default definePlugin({
  id: 'committee',
  name: { zh: '资产处置委员会会议', en: 'Asset Disposal Committee' },
  version: '0.1.0',
  description: {
    zh: '上会事项、会议（总行/分行）、出席与委托、逐项表决、决议与会议纪要',
    en: 'Committee items, meetings, attendance and proxies, voting per item, resolutions and minutes',
  },
  dependsOn: ['customer-view'],

  // Other plugins submit items and register what happens when one is decided.
  publicModules: ['services/committee_api.ts'],

  routes(router: PluginRouter) {
    for (const part of parts) part.routes?.(router)
  },

  permissions: all('permissions'),

  menus: [
    {
      code: 'committee:root',
      type: 'directory',
      parent: 'customer-view:daily',
      name: { zh: '资产处置委员会会议', en: 'Disposal Committee' },
      icon: 'Stamp',
      order: 50,
      children: all('menus'),
    },
  ],

  dictionaries: committeeDictionaries,
  documentTemplates: all('documentTemplates'),
  messageTypes: all('messageTypes'),
})
