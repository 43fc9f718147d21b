/*
| What a plugin's `routes()` receives: the permission-checked router the kernel
| mounts under `/api/<plugin id>`; and what a core area's `routes()` receives:
| the same router, plus the two kinds of route core has and plugins never do.
*/
import type { HttpContext, Route } from '@adonisjs/core/http'

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

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** Routes that name no permission code (see CoreRouter for the two kinds). */
export type OpenRoutes = Record<Verb, (path: string, handler: RouteHandler) => Route>

/**
 * What a core area's `routes()` receives (backend/<area>/part.ts). Route and
 * permission on one line, as in a plugin; each call returns the route so an
 * area can add a matcher (`.where('id', numeric)`).
 */
export type CoreRouter = Record<
  Verb,
  (path: string, handler: RouteHandler, permission: string) => Route
> & {
  /**
   * Any signed-in user, no permission code: the caller's own things (GET /api/me,
   * /api/notices/mine). Being signed in *is* the rule there; a grantable code
   * would let a role created later silently lose them.
   */
  signedIn: OpenRoutes
  /**
   * Signed in, even a session that must change its password first: only me,
   * logout and the password change itself, so such a session can finish it.
   */
  anySession: OpenRoutes
  /** Before sign-in (login, captcha, SSO, health): whoever calls. Rate limits apply. */
  public: OpenRoutes
}
