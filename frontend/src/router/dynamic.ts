/*
| Adds the menu routes once /api/me has loaded and removes them on logout, so a
| second user signing in on the same tab never inherits the first user's routes.
*/
import type { Router } from 'vue-router'
import type { MenuNode } from '@/api/types'
import { menusToRoutes } from './menu-routes'
import { resolvePage } from './pages'

export const LAYOUT_ROUTE = 'layout'
const removers: Array<() => void> = []

export function installMenuRoutes(router: Router, menus: MenuNode[]): void {
  removeMenuRoutes()
  for (const route of menusToRoutes(menus, resolvePage)) {
    removers.push(router.addRoute(LAYOUT_ROUTE, route))
  }
}

export function removeMenuRoutes(): void {
  while (removers.length) removers.pop()!()
}
