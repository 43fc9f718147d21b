/*
| 登录: password check with the bank's rules — a captcha after N failures, a
| lockout for M minutes after K failures (all parameters), and a restricted
| session when the password must be changed (initial, reset or expired).
| Messages never tell whether a username exists.
*/
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import User from '#core/models/user'
import { settings } from '#core/settings/settings'
import { verifyCaptcha } from './captcha.js'
import { passwordExpired } from './password_policy.js'

/** The only ability of a session whose password must be changed first. */
export const CHANGE_PASSWORD_ABILITY = 'password:change'

export type LoginOutcome =
  | { ok: true; user: User; mustChangePassword: boolean; reason?: 'initial' | 'expired' }
  | {
      ok: false
      reason: 'invalid' | 'locked' | 'captcha' | 'disabled'
      captchaRequired: boolean
      lockedUntil?: string
      user?: User
    }

export async function attemptLogin(input: {
  username: string
  password: string
  captchaId?: string
  captchaAnswer?: string
}): Promise<LoginOutcome> {
  const captchaAfter = await settings.integer('system.login.captchaAfterFailures')
  const lockAfter = await settings.integer('system.login.lockAfterFailures')
  const lockMinutes = await settings.integer('system.login.lockMinutes')

  const user = await User.findBy('username', input.username)
  if (!user) {
    // Same work and answer as a wrong password, so timing and text reveal nothing.
    await hash.make(input.password)
    return { ok: false, reason: 'invalid', captchaRequired: false }
  }

  if (user.lockedUntil && user.lockedUntil > DateTime.now()) {
    return {
      ok: false,
      reason: 'locked',
      captchaRequired: false,
      lockedUntil: user.lockedUntil.toISO()!,
      user,
    }
  }
  if (user.lockedUntil) {
    // The lock has run out: start counting afresh.
    user.lockedUntil = null
    user.failedLogins = 0
  }

  const captchaRequired = captchaAfter > 0 && user.failedLogins >= captchaAfter
  if (captchaRequired && !(await verifyCaptcha(input.captchaId, input.captchaAnswer))) {
    await user.save()
    return { ok: false, reason: 'captcha', captchaRequired: true, user }
  }

  if (!(await hash.verify(user.password, input.password))) {
    user.failedLogins++
    if (lockAfter > 0 && user.failedLogins >= lockAfter) {
      user.lockedUntil = DateTime.now().plus({ minutes: lockMinutes })
      await user.save()
      return {
        ok: false,
        reason: 'locked',
        captchaRequired: false,
        lockedUntil: user.lockedUntil.toISO()!,
        user,
      }
    }
    await user.save()
    return {
      ok: false,
      reason: 'invalid',
      captchaRequired: captchaAfter > 0 && user.failedLogins >= captchaAfter,
      user,
    }
  }

  if (user.status !== 'active')
    return { ok: false, reason: 'disabled', captchaRequired: false, user }

  user.failedLogins = 0
  user.lockedUntil = null
  user.lastLoginAt = DateTime.now()
  await user.save()

  if (user.mustChangePassword)
    return { ok: true, user, mustChangePassword: true, reason: 'initial' }
  if (await passwordExpired(user.passwordChangedAt))
    return { ok: true, user, mustChangePassword: true, reason: 'expired' }
  return { ok: true, user, mustChangePassword: false }
}
