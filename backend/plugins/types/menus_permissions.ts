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
  children?: MenuDefinition[]
}

export interface PermissionDefinition {
  code: string
  name: Localized
}
