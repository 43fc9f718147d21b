import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { accessOf } from '#core/identity/user_access'

/**
 * Every API route names the permission code it needs (`<plugin>:<resource>:<action>`);
 * a user without it gets 403. Use as `.use(middleware.can({ permission }))`.
 */
export default class PermissionMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { permission: string }) {
    const access = await accessOf(ctx)
    if (!access.can(options.permission)) {
      return ctx.response.forbidden({
        message: ctx.i18n('auth.forbidden'),
        permission: options.permission,
      })
    }
    // Data scope follows the permission in use (see UserAccess.scopingRoles).
    access.activePermission = options.permission
    return next()
  }
}
