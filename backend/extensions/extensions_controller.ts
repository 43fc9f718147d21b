import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { describeExtensions, enabledExtensions } from '#core/extensions/extensions'

/**
 * GET /api/extensions: the slot contributions, timeline event kinds and
 * extension field labels the caller may see (backend/extensions/). Like
 * GET /api/me it needs only a signed-in user; every entry is filtered by its
 * own permission, and the values are read by the owner's by-id endpoints.
 */
export default class ExtensionsController {
  async index(ctx: HttpContext) {
    return describeExtensions(await enabledExtensions(), await accessOf(ctx))
  }
}
