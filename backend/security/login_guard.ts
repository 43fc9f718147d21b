/*
| Sign-in throttling and lockout, keyed by what was typed — never by whether the
| account exists — so an unknown username meets exactly the captcha demand, the
| LOCKED answer and the timing of a known one:
|
| - per IP, across usernames (password spraying): `system.login.ipFailuresPerWindow`
|   failures per `ipWindowMinutes`, then 429 for that IP;
| - per username + IP: captcha after `captchaAfterFailures`, lock after
|   `lockAfterFailures` for `lockMinutes` — someone typing a colleague's name
|   wrongly locks only themself out, from their own address;
| - per username from all IPs: the account itself locks after
|   `globalLockAfterFailures` (higher), the administrators are told, and a known
|   user's row carries the lock (重置密码 lifts it).
|
| Counters and locks live in the rate limiter (Redis when there is one), so every
| app node sees them and each one expires by itself.
*/
import { currentRateLimits } from '#core/identity/rate_limit'
import { settings } from '#core/settings/settings'

export interface LoginRules {
  captchaAfter: number
  lockAfter: number
  lockMinutes: number
  globalLockAfter: number
  ipLimit: number
  ipWindowMinutes: number
}

export async function loginRules(): Promise<LoginRules> {
  const n = (key: string, fallback: number) => settings.integer(key).catch(() => fallback)
  return {
    captchaAfter: await n('system.login.captchaAfterFailures', 3),
    lockAfter: await n('system.login.lockAfterFailures', 5),
    lockMinutes: await n('system.login.lockMinutes', 15),
    globalLockAfter: await n('system.login.globalLockAfterFailures', 20),
    ipLimit: await n('system.login.ipFailuresPerWindow', 20),
    ipWindowMinutes: await n('system.login.ipWindowMinutes', 15),
  }
}

/* Usernames compare as typed, trimmed and case-folded (Zhang3 and zhang3 count together). */
const norm = (username: string) => username.trim().toLowerCase()
const keys = (username: string, ip: string) => ({
  pair: `login-fail:${norm(username)}:${ip}`,
  user: `login-fail:${norm(username)}`,
  ip: `login-fail-ip:${ip}`,
  pairLock: `login:${norm(username)}:${ip}`,
  userLock: `login:${norm(username)}`,
})

export const loginGuard = {
  /** True when this IP has failed too often, whatever usernames it tried. */
  async ipBlocked(ip: string, rules: LoginRules) {
    if (rules.ipLimit <= 0) return false
    const failures = await currentRateLimits().peek(keys('', ip).ip, rules.ipWindowMinutes * 60)
    return failures >= rules.ipLimit
  },

  /** When the username is locked for this IP (or everywhere), the lock's end; else null. */
  async lockedUntil(username: string, ip: string): Promise<Date | null> {
    const k = keys(username, ip)
    const limits = currentRateLimits()
    const ms = Math.max(await limits.lockedFor(k.pairLock), await limits.lockedFor(k.userLock))
    return ms > 0 ? new Date(Date.now() + ms) : null
  },

  async captchaRequired(username: string, ip: string, rules: LoginRules) {
    if (rules.captchaAfter <= 0) return false
    const failures = await currentRateLimits().peek(keys(username, ip).pair, rules.lockMinutes * 60)
    return failures >= rules.captchaAfter
  },

  /**
   * Counts one failure everywhere it counts; says which lock (if any) it set off
   * and whether a captcha is required from now on.
   */
  async failed(username: string, ip: string, rules: LoginRules) {
    const k = keys(username, ip)
    const limits = currentRateLimits()
    const window = rules.lockMinutes * 60
    const [pair, user] = await Promise.all([
      limits.hit(k.pair, window),
      limits.hit(k.user, window),
      rules.ipLimit > 0 ? limits.hit(k.ip, rules.ipWindowMinutes * 60) : 0,
    ])
    let lock: 'pair' | 'user' | null = null
    if (rules.globalLockAfter > 0 && user >= rules.globalLockAfter) {
      await limits.lock(k.userLock, window)
      lock = 'user'
    } else if (rules.lockAfter > 0 && pair >= rules.lockAfter) {
      await limits.lock(k.pairLock, window)
      lock = 'pair'
    }
    if (lock) await limits.reset(k.pair, window)
    if (lock === 'user') await limits.reset(k.user, window)
    return {
      lock,
      lockedUntil: lock ? new Date(Date.now() + window * 1000) : null,
      captchaRequired: rules.captchaAfter > 0 && pair >= rules.captchaAfter,
    }
  },

  /** A successful sign-in forgets this address's failures for the username. */
  async succeeded(username: string, ip: string, rules: LoginRules) {
    await currentRateLimits().reset(keys(username, ip).pair, rules.lockMinutes * 60)
  },

  /** 重置密码 / unlock by an administrator: the account-wide lock ends at once. */
  async unlockUser(username: string) {
    await currentRateLimits().unlock(keys(username, '').userLock)
  },
}
