/*
| 登录: password check with the bank's rules — a captcha after N failures, a
| lockout after K failures (by username + IP first, the whole account only after
| a higher count; security/login_guard.ts), and a restricted session when the
| password must be changed (initial, reset or expired).
| Answers and timing never tell whether a username exists: an unknown name is
| counted, captcha-challenged and locked like a known one, and its password is
| checked against a dummy hash so the work is the same.
*/
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import User from '#core/identity/user'
import { loginGuard, loginRules } from '#core/security/login_guard'
import { verifyCaptcha } from './captcha.js'
import { passwordExpired } from './password_policy.js'

/** The only ability of a session whose password must be changed first. */
export const CHANGE_PASSWORD_ABILITY = 'password:change'

/* Hashed once per process with the configured driver, so verifying it costs what a real check costs. */
let dummyHash: Promise<string> | undefined
const dummy = () => (dummyHash ??= hash.make('unknown-user-timing-equaliser'))

export type LoginOutcome =
  | { ok: true; user: User; mustChangePassword: boolean; reason?: 'initial' | 'expired' }
  | {
      ok: false
      reason: 'invalid' | 'locked' | 'captcha' | 'disabled'
      captchaRequired: boolean
      lockedUntil?: string
      /** Set when this very attempt locked the username (per IP) or the whole account. */
      newLock?: 'pair' | 'user'
      user?: User
    }

export async function attemptLogin(input: {
  username: string
  password: string
  captchaId?: string
  captchaAnswer?: string
  ip: string
}): Promise<LoginOutcome> {
  const rules = await loginRules()
  const user = await User.findBy('username', input.username)

  const guardLock = await loginGuard.lockedUntil(input.username, input.ip)
  const rowLock = user?.lockedUntil && user.lockedUntil > DateTime.now() ? user.lockedUntil : null
  const lockedUntil = guardLock ? DateTime.fromJSDate(guardLock) : rowLock
  if (lockedUntil) {
    return {
      ok: false,
      reason: 'locked',
      captchaRequired: false,
      lockedUntil: lockedUntil.toISO()!,
      user: user ?? undefined,
    }
  }

  if (
    (await loginGuard.captchaRequired(input.username, input.ip, rules)) &&
    !(await verifyCaptcha(input.captchaId, input.captchaAnswer))
  ) {
    return { ok: false, reason: 'captcha', captchaRequired: true, user: user ?? undefined }
  }

  // An unknown name costs one hash check too, and always fails.
  const passwordOk = user
    ? await hash.verify(user.password, input.password)
    : (await hash.verify(await dummy(), input.password)) && false
  if (!passwordOk) {
    const failure = await loginGuard.failed(input.username, input.ip, rules)
    if (failure.lock && failure.lockedUntil) {
      const until = DateTime.fromJSDate(failure.lockedUntil)
      if (failure.lock === 'user' && user) {
        user.lockedUntil = until
        user.failedLogins = rules.globalLockAfter
        await user.save()
      }
      return {
        ok: false,
        reason: 'locked',
        captchaRequired: false,
        lockedUntil: until.toISO()!,
        newLock: failure.lock,
        user: user ?? undefined,
      }
    }
    return {
      ok: false,
      reason: 'invalid',
      captchaRequired: failure.captchaRequired,
      user: user ?? undefined,
    }
  }

  if (user!.status !== 'active')
    return { ok: false, reason: 'disabled', captchaRequired: false, user: user! }

  await loginGuard.succeeded(input.username, input.ip, rules)
  const signedIn = user!
  signedIn.failedLogins = 0
  signedIn.lockedUntil = null
  signedIn.lastLoginAt = DateTime.now()
  await signedIn.save()

  if (signedIn.mustChangePassword)
    return { ok: true, user: signedIn, mustChangePassword: true, reason: 'initial' }
  if (await passwordExpired(signedIn.passwordChangedAt))
    return { ok: true, user: signedIn, mustChangePassword: true, reason: 'expired' }
  return { ok: true, user: signedIn, mustChangePassword: false }
}
