/*
| Menu tree (from /api/me) → console routes and breadcrumbs. Pure functions so the
| mapping is tested without a browser. Directories become sub-menus only; every
| page node becomes one route under the admin layout.
*/
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { MenuNode } from '@/api/types'
import type { Localized } from '@/i18n'

export interface MenuRouteMeta {
  title: Localized
  menuCode: string
  page: string | null
  icon: string | null
}

type Resolve = (key: string | null) => Component | (() => Promise<unknown>)

/** The route path of a page menu; the backend defaults it to /p/<page key> as well. */
export function menuPath(menu: MenuNode): string | null {
  if (menu.path) return menu.path.startsWith('/') ? menu.path : `/${menu.path}`
  return menu.page ? `/p/${menu.page}` : null
}

export function menusToRoutes(menus: MenuNode[], resolve: Resolve): RouteRecordRaw[] {
  const routes: RouteRecordRaw[] = []
  const seen = new Set<string>()
  const visit = (nodes: MenuNode[]) => {
    for (const menu of nodes) {
      const path = menu.type === 'page' ? menuPath(menu) : null
      // Two menus on one path would shadow each other; the first (by menu order) wins.
      if (path && !seen.has(path)) {
        seen.add(path)
        const meta: MenuRouteMeta = {
          title: menu.name,
          menuCode: menu.code,
          page: menu.page,
          icon: menu.icon,
        }
        routes.push({
          path,
          name: `menu:${menu.code}`,
          component: resolve(menu.page) as any,
          meta: { ...meta },
        })
      }
      if (menu.children?.length) visit(menu.children)
    }
  }
  visit(menus)
  return routes
}

/** Menus from the root to the page on `path` (for the breadcrumb); empty when not a menu page. */
export function findMenuTrail(menus: MenuNode[], path: string): MenuNode[] {
  for (const menu of menus) {
    if (menu.type === 'page' && menuPath(menu) === path) return [menu]
    const below = findMenuTrail(menu.children ?? [], path)
    if (below.length) return [menu, ...below]
  }
  return []
}

/** Page menus in menu order, e.g. for the shortcuts on the workbench. */
export function flattenPages(menus: MenuNode[]): MenuNode[] {
  return menus.flatMap((menu) => [
    ...(menu.type === 'page' ? [menu] : []),
    ...flattenPages(menu.children ?? []),
  ])
}
