/*
| Side-menu entries and permission codes a plugin declares; the kernel syncs them
| into the menu and permission tables at boot.
*/
import type { Localized } from './common.js'

export type MenuType = 'directory' | 'page' | 'button'

export interface MenuDefinition {
  /** Stable key, unique across the system (`<plugin>:<name>`); never rename a released one. */
  code: string
  type: MenuType
  name: Localized
  /** Permission code (`<plugin>:<resource>:<action>`); required for pages and buttons. */
  permission?: string
  /** Console page key (`<plugin>/<file under ui/ without .vue>`), for pages. */
  page?: string
  /** Console route path; defaults to `/p/<page key>`. */
  path?: string
  icon?: string
  order?: number
  /**
   * Top-level entries only: the code of a directory another source declares (a plugin in
   * `dependsOn`, or core), e.g. `disposal:root` to sit under 资产处置 — as a ledger's `menu.parent`
   * does. Without it the entry is a root of the side menu. If that directory is absent (its plugin
   * disabled) the entry shows as a root, never hidden.
   */
  parent?: string
  children?: MenuDefinition[]
}

export interface PermissionDefinition {
  code: string
  name: Localized
}
