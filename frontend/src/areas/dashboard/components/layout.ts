/*
| Pure layout operations of the home-page grid (12 columns), kept out of the
| view so they are tested without a browser.
*/
import type { LayoutItem, WidgetInfo } from '@/areas/dashboard/api'

export const GRID_COLUMNS = 12

/** Widgets the user may add back: allowed but not on the page. */
export function hiddenWidgets(widgets: WidgetInfo[], items: LayoutItem[]): WidgetInfo[] {
  const shown = new Set(items.map((i) => i.i))
  return widgets.filter((w) => !shown.has(w.id))
}

/** Adds a widget at its default size below everything else. */
export function addWidget(items: LayoutItem[], widget: WidgetInfo): LayoutItem[] {
  if (items.some((i) => i.i === widget.id)) return items
  const bottom = items.reduce((max, i) => Math.max(max, i.y + i.h), 0)
  const w = Math.min(GRID_COLUMNS, widget.defaultSize.w)
  return [...items, { i: widget.id, x: 0, y: bottom, w, h: widget.defaultSize.h }]
}

export function removeWidget(items: LayoutItem[], id: string): LayoutItem[] {
  return items.filter((i) => i.i !== id)
}

/** What is sent to the server: only the five fields, whole numbers, inside the grid. */
export function toSaved(items: Array<LayoutItem & Record<string, unknown>>): LayoutItem[] {
  return items.map((item) => {
    const w = Math.max(1, Math.min(GRID_COLUMNS, Math.round(item.w)))
    const x = Math.max(0, Math.min(GRID_COLUMNS - w, Math.round(item.x)))
    return {
      i: String(item.i),
      x,
      y: Math.max(0, Math.round(item.y)),
      w,
      h: Math.max(2, Math.round(item.h)),
    }
  })
}

/** Same widgets at the same places and sizes (order does not matter). */
export function sameLayout(a: LayoutItem[], b: LayoutItem[]): boolean {
  if (a.length !== b.length) return false
  const key = (i: LayoutItem) => `${i.i}@${i.x},${i.y},${i.w},${i.h}`
  const set = new Set(a.map(key))
  return b.every((i) => set.has(key(i)))
}
