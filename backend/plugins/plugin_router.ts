/*
| The router a plugin's `routes()` receives. It mounts everything under
| `/api/<plugin id>`, requires a signed-in user and checks the permission code
| each route names, so a plugin cannot forget either.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import type { LoadedPlugin, PluginRouter, RouteHandler } from './types.js'
import { ManifestError, permissionCodes } from './validate_manifest.js'

export function mountPluginRoutes(plugin: LoadedPlugin) {
  const declared = new Set(permissionCodes(plugin.manifest))
  const requirePermission = (permission: string) => {
    if (!declared.has(permission)) {
      throw new ManifestError(
        plugin.id,
        `route uses permission "${permission}", which the manifest does not declare`
      )
    }
    // Named `can:<code>` so `node ace list:routes` shows each route's permission code.
    return { ...middleware.can({ permission }), name: `can:${permission}` }
  }

  const add =
    (method: 'get' | 'post' | 'put' | 'patch' | 'delete') =>
    (path: string, handler: RouteHandler, permission: string) => {
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
