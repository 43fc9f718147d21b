/*
| A user's home-page layout: which widgets, where and how big, on a 12-column
| grid (grid-layout-plus in the console). Hidden widgets are simply absent.
| The stored layout is re-filtered on every read, so a widget whose permission
| the user lost (or whose plugin was disabled) disappears without an error.
*/
import type { UserAccess } from '#core/identity/user_access'
import { DashboardError } from './dashboard_error.js'
import { readPreference, writePreference } from './preferences_store.js'
import {
  GRID_COLUMNS,
  allWidgets,
  mayUse,
  widgetsFor,
  type WidgetEntry,
} from './widget_registry.js'

export interface LayoutItem {
  i: string
  x: number
  y: number
  w: number
  h: number
}

/** What to do today leads (shortcuts, 待办, 时效提醒, 消息), charts follow, the rest closes. */
const LEADING = ['core:shortcuts', 'core:todo', 'core:deadlines', 'core:messages']

/** The default arrangement: widgets packed left to right, row by row. */
export function defaultLayout(widgets: WidgetEntry[]): LayoutItem[] {
  const on = widgets.filter((w) => w.defaultOn)
  const rank = (w: WidgetEntry) => {
    const lead = LEADING.indexOf(w.id)
    if (lead >= 0) return lead
    return w.kind === 'chart' ? 10 : 20
  }
  const ordered = on
    .map((w, index) => ({ w, index }))
    .sort((a, b) => rank(a.w) - rank(b.w) || a.index - b.index)
    .map(({ w }) => w)
  const items: LayoutItem[] = []
  let x = 0
  let y = 0
  let rowHeight = 0
  for (const widget of ordered) {
    const { w, h } = widget.defaultSize
    if (x + w > GRID_COLUMNS) {
      x = 0
      y += rowHeight
      rowHeight = 0
    }
    items.push({ i: widget.id, x, y, w, h })
    x += w
    rowHeight = Math.max(rowHeight, h)
  }
  return items
}

export async function layoutFor(access: UserAccess) {
  const widgets = await widgetsFor(access)
  const allowed = new Set(widgets.map((w) => w.id))
  const stored = await readPreference<LayoutItem[]>(access.user.id, 'layout_json')
  if (!Array.isArray(stored)) return { items: defaultLayout(widgets), custom: false }
  return { items: stored.filter((item) => allowed.has(item?.i)), custom: true }
}

/** Saves a layout after checking every widget exists, is allowed and fits the grid. */
export async function saveLayout(access: UserAccess, items: LayoutItem[]) {
  const known = new Map((await allWidgets()).map((w) => [w.id, w]))
  const seen = new Set<string>()
  items.forEach((item, index) => {
    const field = `items.${index}.i`
    const widget = known.get(item.i)
    if (!widget) throw new DashboardError(422, 'dashboard.unknownWidget', { id: item.i }, field)
    // The registry refuses what the user may not see: a layout cannot smuggle a widget in.
    if (!mayUse(access, widget))
      throw new DashboardError(422, 'dashboard.widgetForbidden', { id: item.i }, field)
    if (seen.has(item.i))
      throw new DashboardError(422, 'dashboard.duplicateWidget', { id: item.i }, field)
    if (item.x + item.w > GRID_COLUMNS)
      throw new DashboardError(422, 'dashboard.outsideGrid', { id: item.i }, `items.${index}.w`)
    seen.add(item.i)
  })
  const clean = items.map(({ i, x, y, w, h }) => ({ i, x, y, w, h }))
  await writePreference(access.user.id, 'layout_json', clean)
  return layoutFor(access)
}

/** 恢复默认: forget the user's layout. */
export async function resetLayout(access: UserAccess) {
  await writePreference(access.user.id, 'layout_json', null)
  return layoutFor(access)
}
