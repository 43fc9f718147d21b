import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import User from '#core/models/user'
import { loginValidator } from '#core/validators/auth'
import { accessOf } from '#core/auth/user_access'
import { menuTreeFor } from '#core/system/menu_tree'

/*
| Sign-in, sign-out and "who am I". Lockout, captcha and password policy
| arrive with the IAM issue; this is the token life cycle they build on.
*/
export default class AuthController {
  async login(ctx: HttpContext) {
    const { request, response } = ctx
    const { username, password } = await request.validateUsing(loginValidator)
    const user = await User.verifyCredentials(username, password)
    if (user.status !== 'active') {
      return response.badRequest({ message: ctx.i18n('auth.disabled') })
    }
    const token = await User.accessTokens.create(user, ['*'], { name: 'console' })
    user.lastLoginAt = DateTime.now()
    await user.save()
    return {
      token: token.value!.release(),
      user: { id: user.id, username: user.username, realName: user.realName },
    }
  }

  async logout({ auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return response.noContent()
  }

  async me(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await user.load('org')
    const access = await accessOf(ctx)
    return {
      user: {
        id: user.id,
        username: user.username,
        realName: user.realName,
        orgId: user.orgId,
        orgName: user.org.name,
        locale: user.locale,
        mustChangePassword: user.mustChangePassword,
      },
      roles: access.roles.map((r) => ({ code: r.code, name: r.name, dataScope: r.dataScope })),
      permissions: [...access.permissions].sort(),
      menus: await menuTreeFor(access),
    }
  }
}
