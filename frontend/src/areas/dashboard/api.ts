/*
| 首页视图 endpoints (/api/dashboard) and the workbench feeds the home page reads
| from other areas: 待办/已办 (workflow), 时效提醒 and 消息 (notifications). Those
| may not exist on an older server: the panels show 暂不可用 when they 404.
*/
import { http } from '@/api/http'
import type { Localized, MenuNode } from '@/api/types'

export interface WidgetInfo {
  id: string
  kind: 'panel' | 'chart'
  plugin: string
  title: Localized
  permission: string | null
  /** `<plugin>/<file under ui/widgets>` for charts. */
  view: string | null
  defaultSize: { w: number; h: number }
  defaultOn: boolean
}

export interface LayoutItem {
  i: string
  x: number
  y: number
  w: number
  h: number
}

export interface LayoutAnswer {
  items: LayoutItem[]
  /** False while the user still has the default layout. */
  custom: boolean
}

export interface ShortcutOption extends Pick<MenuNode, 'code' | 'name' | 'page' | 'icon'> {
  path: string | null
  trail: Localized[]
}

export interface ShortcutsAnswer {
  codes: string[]
  custom: boolean
  options: ShortcutOption[]
}

export interface WorkflowTask {
  taskId: number
  instanceId: number
  typeCode: string
  typeName: string
  title: string
  amount: string | null
  applicantName: string | null
  orgName: string | null
  nodeName: string | null
  status: string
  createdAt: string | null
  dueDate: string | null
  link: string | null
}

export interface DeadlineItem {
  id: number
  title: string
  dueDate: string
  workingDaysLeft: number
  rule: string
  link: string | null
  overdue: boolean
}

export interface MessageItem {
  id: number
  type?: string
  title: string
  body?: string | null
  link?: string | null
  read?: boolean
  readAt?: string | null
  createdAt: string | null
}

interface Page<T> {
  data: T[]
  meta: { total: number }
}

/** `<plugin>:<name>` with its colon kept: the route matches the id as written. */
const widgetPath = (id: string) => id.split(':').map(encodeURIComponent).join(':')

/** Feeds of other areas: silent, so a missing area shows 暂不可用 instead of a toast. */
const quiet = { silent: true }

export const dashboardApi = {
  widgets: () => http.get<{ data: WidgetInfo[] }>('/dashboard/widgets'),
  widgetData: <T = unknown>(id: string, query?: Record<string, string | number>) =>
    http.get<T>(`/dashboard/widgets/${widgetPath(id)}/data`, query, quiet),
  layout: () => http.get<LayoutAnswer>('/dashboard/layout'),
  saveLayout: (items: LayoutItem[]) => http.put<LayoutAnswer>('/dashboard/layout', { items }),
  resetLayout: () => http.delete<LayoutAnswer>('/dashboard/layout'),
  shortcuts: () => http.get<ShortcutsAnswer>('/dashboard/shortcuts'),
  saveShortcuts: (codes: string[]) => http.put<ShortcutsAnswer>('/dashboard/shortcuts', { codes }),

  tasks: (box: 'todo' | 'done', perPage = 6) =>
    http.get<Page<WorkflowTask>>('/workflow/tasks', { box, perPage }, quiet),
  deadlines: (perPage = 6) => http.get<Page<DeadlineItem>>('/deadlines/mine', { perPage }, quiet),
  messages: (perPage = 6) => http.get<Page<MessageItem>>('/messages', { perPage }, quiet),
  markMessageRead: (id: number) => http.post<unknown>(`/messages/${id}/read`, undefined, quiet),
}
