/*
| What a plugin's `routes()` receives: the permission-checked router the kernel
| mounts under `/api/<plugin id>`.
*/
import type { HttpContext } from '@adonisjs/core/http'

type LazyController = () => Promise<{ default: new (...args: any[]) => any }>
export type RouteHandler = [LazyController, string] | ((ctx: HttpContext) => any)

/**
 * What a plugin's `routes()` receives. Every route must name the permission code
 * it requires: the kernel adds authentication and the permission check, and
 * mounts everything under `/api/<plugin id>`.
 */
export interface PluginRouter {
  get(path: string, handler: RouteHandler, permission: string): void
  post(path: string, handler: RouteHandler, permission: string): void
  put(path: string, handler: RouteHandler, permission: string): void
  patch(path: string, handler: RouteHandler, permission: string): void
  delete(path: string, handler: RouteHandler, permission: string): void
  /**
   * index/show → `<prefix>:list`, store → `:create`, update → `:update`,
   * destroy → `:delete`.
   */
  crud(resource: string, controller: LazyController, permissionPrefix: string): void
}
