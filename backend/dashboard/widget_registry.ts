/*
| 首页视图 widget registry: the core's workbench panels plus every enabled
| plugin's `dashboardWidgets`, read through the plugin registry (the core never
| imports a plugin). A user is offered only the widgets whose permission they hold.
*/
import { enabledPlugins } from '#core/plugins/registry'
import type { UserAccess } from '#core/identity/user_access'
import type { DashboardWidgetDefinition, Localized } from '#core/plugins/types'
import { CORE_PANELS } from './panels.js'

export const GRID_COLUMNS = 12
const DEFAULT_SIZE = { w: 6, h: 8 }

export interface WidgetEntry {
  id: string
  /** `panel`: a core workbench panel; `chart`: a plugin widget with a data endpoint. */
  kind: 'panel' | 'chart'
  plugin: string
  title: Localized
  /** null for panels: they read the caller's own items only. */
  permission: string | null
  view: string | null
  defaultSize: { w: number; h: number }
  defaultOn: boolean
  data?: DashboardWidgetDefinition['data']
}

let cached: Promise<WidgetEntry[]> | undefined

function checkWidget(plugin: string, widget: DashboardWidgetDefinition) {
  // A widget outside its plugin's namespace could shadow another plugin's saved layouts.
  if (!widget.id.startsWith(`${plugin}:`))
    throw new Error(
      `Plugin "${plugin}": dashboard widget "${widget.id}" must start with "${plugin}:"`
    )
  if (!widget.permission?.startsWith(`${plugin}:`))
    throw new Error(
      `Plugin "${plugin}": dashboard widget "${widget.id}" needs a "${plugin}:" permission`
    )
  if (!widget.view?.startsWith(`${plugin}/`))
    throw new Error(
      `Plugin "${plugin}": dashboard widget "${widget.id}" view must start with "${plugin}/"`
    )
}

async function load(): Promise<WidgetEntry[]> {
  const entries: WidgetEntry[] = CORE_PANELS.map((panel) => ({
    id: panel.id,
    kind: 'panel',
    plugin: 'system',
    title: panel.title,
    permission: null,
    view: null,
    defaultSize: panel.defaultSize,
    defaultOn: true,
  }))
  const seen = new Set(entries.map((e) => e.id))
  for (const plugin of await enabledPlugins()) {
    for (const widget of plugin.manifest.dashboardWidgets ?? []) {
      checkWidget(plugin.id, widget)
      if (seen.has(widget.id)) throw new Error(`Dashboard widget "${widget.id}" is declared twice`)
      seen.add(widget.id)
      entries.push({
        id: widget.id,
        kind: 'chart',
        plugin: plugin.id,
        title: widget.title,
        permission: widget.permission,
        view: widget.view,
        defaultSize: {
          w: Math.min(GRID_COLUMNS, widget.defaultSize?.w ?? DEFAULT_SIZE.w),
          h: widget.defaultSize?.h ?? DEFAULT_SIZE.h,
        },
        defaultOn: widget.defaultOn ?? true,
        data: widget.data,
      })
    }
  }
  return entries
}

/** Every widget this process knows, in declaration order (panels first). */
export function allWidgets(): Promise<WidgetEntry[]> {
  cached ??= load().catch((error) => {
    cached = undefined
    throw error
  })
  return cached
}

export const mayUse = (access: UserAccess, widget: WidgetEntry) =>
  widget.permission === null || access.can(widget.permission)

/** The widgets this user may put on their home page. */
export async function widgetsFor(access: UserAccess): Promise<WidgetEntry[]> {
  return (await allWidgets()).filter((w) => mayUse(access, w))
}

/** The public description of a widget (no handler). */
export function describe(widget: WidgetEntry) {
  return {
    id: widget.id,
    kind: widget.kind,
    plugin: widget.plugin,
    title: widget.title,
    permission: widget.permission,
    view: widget.view,
    defaultSize: widget.defaultSize,
    defaultOn: widget.defaultOn,
  }
}
