import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import User from '#core/identity/user'
import { loginValidator, changePasswordValidator, ssoValidator } from '#core/identity/validators'
import { accessOf } from '#core/identity/user_access'
import { menuTreeFor } from '#core/system/menu_tree'
import { attemptLogin, CHANGE_PASSWORD_ABILITY } from '#core/identity/login_service'
import { issueCaptcha } from '#core/identity/captcha'
import { allow } from '#core/identity/rate_limit'
import { loginGuard, loginRules } from '#core/security/login_guard'
import { reportLock } from '#core/security/lockout_notice'
import { securityLog } from '#core/security/security_log'
import { openSession, closeAllSessions } from '#core/identity/sessions'
import { checkPassword, rememberPassword } from '#core/identity/password_policy'
import { ssoProviders } from '#core/identity/sso/sso_provider'
import { audit } from '#core/audit/audit'
import { clearSessionCookies, sessionAnswer } from '#core/identity/session_cookie'

/*
| Sign-in (password or portal SSO), captcha, password change, sign-out and
| "who am I". The rules live beside it in backend/identity; this controller only speaks HTTP.
*/
export default class AuthController {
  async login(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const input = await request.validateUsing(loginValidator)
    const ip = request.ip()
    // Password spraying: one address failing across many usernames is held back as a whole.
    if (
      !(await allow(`login:${ip}:${input.username}`, 20, 60)) ||
      (await loginGuard.ipBlocked(ip, await loginRules()))
    ) {
      await securityLog.denied(ctx, 'security.throttled', {
        actorUsername: input.username,
        detail: 'login',
      })
      return response.tooManyRequests({ message: i18n('identity.tooManyAttempts') })
    }

    const outcome = await attemptLogin({ ...input, ip })
    if (!outcome.ok) {
      if (outcome.newLock) {
        await reportLock(ctx, input.username, outcome.newLock, outcome.lockedUntil!, outcome.user)
      }
      await audit.record(ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: outcome.user?.id ?? null,
        result: 'failure',
        detail: outcome.reason,
        actorUsername: input.username,
      })
      const messages = {
        invalid: i18n('auth.invalidCredentials'),
        disabled: i18n('auth.invalidCredentials'),
        captcha: i18n(input.captchaId ? 'identity.captchaWrong' : 'identity.captchaRequired'),
        locked: i18n('identity.locked', {
          until: outcome.lockedUntil
            ? DateTime.fromISO(outcome.lockedUntil).setZone('Asia/Shanghai').toFormat('HH:mm')
            : '',
        }),
      }
      return response.badRequest({
        message: messages[outcome.reason],
        // A disabled account answers like a wrong password: the code reveals nothing.
        code: outcome.reason === 'disabled' ? 'INVALID' : outcome.reason.toUpperCase(),
        captchaRequired: outcome.captchaRequired,
        ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil } : {}),
      })
    }

    const token = await openSession(
      ctx,
      outcome.user,
      outcome.mustChangePassword ? [CHANGE_PASSWORD_ABILITY] : ['*']
    )
    await audit.record(ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: outcome.user.id,
      result: 'success',
      actorUsername: outcome.user.username,
    })
    return sessionAnswer(ctx, token, {
      user: {
        id: outcome.user.id,
        username: outcome.user.username,
        realName: outcome.user.realName,
      },
      mustChangePassword: outcome.mustChangePassword,
      ...(outcome.reason ? { passwordChangeReason: outcome.reason } : {}),
    })
  }

  async captcha({ request, response, i18n }: HttpContext) {
    if (!(await allow(`captcha:${request.ip()}`, 30, 60))) {
      return response.tooManyRequests({ message: i18n('identity.tooManyAttempts') })
    }
    const { id, image } = await issueCaptcha()
    return { id, image }
  }

  async sso(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const { provider: providerId, ticket } = await request.validateUsing(ssoValidator)
    if (!(await allow(`sso:${request.ip()}`, 30, 60))) {
      return response.tooManyRequests({ message: i18n('identity.tooManyAttempts') })
    }
    const provider = ssoProviders.get(providerId)
    if (!provider) return response.badRequest({ message: i18n('identity.ssoUnknownProvider') })
    const identity = await provider.verify(ticket)
    const user = identity ? await User.findBy('username', identity.username) : null
    // The portal vouches for who it is, not for an account this bank has locked or disabled.
    const locked = user?.lockedUntil && user.lockedUntil > DateTime.now()
    if (!user || user.status !== 'active' || locked) {
      await audit.record(ctx, {
        action: 'auth.login_failed',
        result: 'failure',
        detail: `sso:${providerId}`,
        actorUsername: identity?.username ?? null,
      })
      return response.badRequest({ message: i18n('identity.ssoRejected') })
    }
    user.lastLoginAt = DateTime.now()
    await user.save()
    const token = await openSession(ctx, user, ['*'])
    await audit.record(ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      result: 'success',
      detail: `sso:${providerId}`,
      actorUsername: user.username,
    })
    return sessionAnswer(ctx, token, {
      user: { id: user.id, username: user.username, realName: user.realName },
      mustChangePassword: false,
    })
  }

  async changePassword(ctx: HttpContext) {
    const { request, response, i18n, auth } = ctx
    const { oldPassword, newPassword } = await request.validateUsing(changePasswordValidator)
    const user = auth.getUserOrFail()
    // Guessing the current password through this form is as limited as signing in.
    if (!(await allow(`password:${user.id}`, 10, 300))) {
      return response.tooManyRequests({ message: i18n('identity.tooManyAttempts') })
    }
    if (!(await hash.verify(user.password, oldPassword))) {
      return response.unprocessableEntity({
        message: i18n('validation.failed'),
        errors: [
          { field: 'oldPassword', rule: 'password', message: i18n('identity.oldPasswordWrong') },
        ],
      })
    }
    const problems = await checkPassword(newPassword, user)
    if (problems.length) {
      return response.unprocessableEntity({
        message: i18n('validation.failed'),
        errors: problems.map((p) => ({
          field: 'newPassword',
          rule: p.rule,
          message: ctx.locale === 'en' ? p.message.en : p.message.zh,
        })),
      })
    }
    user.password = newPassword
    user.mustChangePassword = false
    user.passwordChangedAt = DateTime.now()
    await user.save()
    await rememberPassword(user.id, user.password)
    // Every other session ends; this one is replaced by a full session.
    await closeAllSessions(user.id)
    const token = await openSession(ctx, user, ['*'])
    await audit.record(ctx, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      result: 'success',
    })
    return sessionAnswer(ctx, token, {})
  }

  async logout(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    await audit.record(ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: user.id,
      result: 'success',
    })
    clearSessionCookies(ctx)
    return ctx.response.noContent()
  }

  async me(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await user.load('org')
    const restricted = !user.currentAccessToken.abilities.includes('*')
    const access = await accessOf(ctx)
    return {
      user: {
        id: user.id,
        username: user.username,
        realName: user.realName,
        orgId: user.orgId,
        orgName: user.org.name,
        locale: user.locale,
        mustChangePassword: restricted,
      },
      roles: access.roles.map((r) => ({ code: r.code, name: r.name, dataScope: r.dataScope })),
      permissions: restricted ? [] : [...access.permissions].sort(),
      menus: restricted ? [] : await menuTreeFor(access),
    }
  }
}
