/*
| The permission-declaring router. A plugin's `routes()` gets one that mounts
| everything under `/api/<plugin id>`, requires a signed-in user and checks the
| permission code each route names, so a plugin cannot forget either. A core
| area's `routes()` (backend/<area>/part.ts) gets the same, under the part's own
| prefix, plus explicitly marked signed-in-only and public routes (types/routes.ts).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import type { CoreRouter, LoadedPlugin, OpenRoutes, PluginRouter, RouteHandler } from './types.js'
import type { CorePart } from './define_part.js'
import { ManifestError, permissionCodes } from './validate_manifest.js'

const verbs = ['get', 'post', 'put', 'patch', 'delete'] as const
type Verb = (typeof verbs)[number]

/** The `can` middleware for a code the owner declared; an undeclared code stops boot. */
function permissionCheck(owner: string, declared: Set<string>) {
  return (permission: string) => {
    if (!declared.has(permission)) {
      throw new ManifestError(
        owner,
        `route uses permission "${permission}", which the manifest does not declare`
      )
    }
    // Named `can:<code>` so `node ace list:routes` shows each route's permission code.
    return { ...middleware.can({ permission }), name: `can:${permission}` }
  }
}

export function mountPluginRoutes(plugin: LoadedPlugin) {
  const requirePermission = permissionCheck(plugin.id, new Set(permissionCodes(plugin.manifest)))

  const add = (method: Verb) => (path: string, handler: RouteHandler, permission: string) => {
    router[method](path, handler as any).use(requirePermission(permission))
  }

  const api: PluginRouter = {
    get: add('get'),
    post: add('post'),
    put: add('put'),
    patch: add('patch'),
    delete: add('delete'),
    crud(resource, controller, prefix) {
      const base = `/${resource.replace(/^\//, '')}`
      api.get(base, [controller, 'index'], `${prefix}:list`)
      api.get(`${base}/:id`, [controller, 'show'], `${prefix}:list`)
      api.post(base, [controller, 'store'], `${prefix}:create`)
      api.put(`${base}/:id`, [controller, 'update'], `${prefix}:update`)
      api.delete(`${base}/:id`, [controller, 'destroy'], `${prefix}:delete`)
    },
  }

  router
    .group(() => plugin.manifest.routes?.(api))
    .prefix(`/api/${plugin.id}`)
    .use(middleware.auth())
}

/**
 * Mounts one core area's routes under its prefix (default `/api/system`).
 * `declared` is every permission code of core's merged manifest: an area may
 * guard a route with a code another core part declares (e.g. 用户管理's list code
 * sits in the base manifest's menu).
 */
export function mountCorePart(part: CorePart, declared: Set<string>) {
  if (!part.routes) return
  const requirePermission = permissionCheck(`system (area ${part.area})`, declared)

  const open = (use: () => any[]): OpenRoutes =>
    Object.fromEntries(
      verbs.map((method) => [
        method,
        (path: string, handler: RouteHandler) => router[method](path, handler as any).use(use()),
      ])
    ) as OpenRoutes

  const guarded = Object.fromEntries(
    verbs.map((method) => [
      method,
      (path: string, handler: RouteHandler, permission: string | string[]) =>
        router[method](path, handler as any).use([
          middleware.auth(),
          ...[permission].flat().map(requirePermission),
        ]),
    ])
  ) as Record<Verb, CoreRouter['get']>

  const api: CoreRouter = {
    ...guarded,
    signedIn: open(() => [middleware.auth()]),
    anySession: open(() => [middleware.auth({ allowPasswordChangeOnly: true })]),
    public: open(() => []),
  }

  const group = router.group(() => part.routes!(api))
  // '' = paths as written (the router would turn an empty prefix into '/', i.e. '//path').
  if (part.prefix !== '') group.prefix(part.prefix ?? '/api/system')
}
