/*
| Home-page widgets (首页视图, backend/dashboard/): server-side data handler and
| console chart module.
*/
import type { Localized } from './common.js'

/**
 * What a widget's data handler receives (首页视图, backend/dashboard/). `scope` is
 * `applyDataScope` with the scope of the widget's permission, so a branch user
 * sees only their subtree; `query` is the request's query string (validate it).
 */
export interface WidgetDataContext {
  access: import('#core/identity/user_access').UserAccess
  scope<Q extends { where: (...args: any[]) => Q }>(
    query: Q,
    columns: import('#core/identity/data_scope').ScopeColumns
  ): Q
  query: Record<string, unknown>
}

export type WidgetDataHandler = (ctx: WidgetDataContext) => Promise<unknown>

/** A home-page widget (首页视图): its data on the server, its chart in the console. */
export interface DashboardWidgetDefinition {
  /** `<plugin>:<name>`, unique; stored in users' layouts, so never rename a released one. */
  id: string
  title: Localized
  /** Needed to see the widget and to read its data; its data scope applies. */
  permission: string
  data: () => Promise<{ default: WidgetDataHandler }>
  /** Console module `<plugin>/<file under ui/widgets without .ts>` exporting `buildOption(data, locale)`. */
  view: string
  /** Size on the 12-column grid (default 6 × 8 rows of 40 px). */
  defaultSize?: { w: number; h: number }
  /** Shown on the default layout (default true). */
  defaultOn?: boolean
}
