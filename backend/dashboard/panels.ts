/*
| The workbench panels (工作台) the core puts on every home page. They read
| self-service APIs that already answer only the caller's own items (待办/已办,
| 时效提醒, 消息, 通知公告), so they need no permission; the console draws them.
*/
import type { Localized } from '#core/plugins/types'

export interface PanelDefinition {
  id: string
  title: Localized
  defaultSize: { w: number; h: number }
}

export const CORE_PANELS: PanelDefinition[] = [
  { id: 'core:todo', title: { zh: '待办事项', en: 'To do' }, defaultSize: { w: 4, h: 7 } },
  { id: 'core:deadlines', title: { zh: '时效提醒', en: 'Deadlines' }, defaultSize: { w: 4, h: 7 } },
  { id: 'core:done', title: { zh: '已办事项', en: 'Done' }, defaultSize: { w: 6, h: 7 } },
  { id: 'core:messages', title: { zh: '消息提醒', en: 'Messages' }, defaultSize: { w: 4, h: 7 } },
  { id: 'core:notices', title: { zh: '通知公告', en: 'Notices' }, defaultSize: { w: 6, h: 7 } },
  {
    id: 'core:shortcuts',
    title: { zh: '常用功能', en: 'Shortcuts' },
    defaultSize: { w: 12, h: 4 },
  },
]
