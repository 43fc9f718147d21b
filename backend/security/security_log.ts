/*
| 安全日志: denied requests (401/403), escalation refusals, by-id 404s (out of
| scope or absent — the caller cannot tell, the log can), refused uploads and every
| file download. They are rows of the one audit chain (category `security`, see
| audit/categories.ts), so `node ace audit:verify` covers them, values are masked
| like every audit row, and 日志管理 · 安全日志 searches them.
|
| Denials are logged at most `system.security.deniedLogPerMinute` per person (or
| IP) and minute: a scanner must not be able to flood the chain.
*/
import type { HttpContext } from '@adonisjs/core/http'
import { audit, type AuditEntry } from '#core/audit/audit'
import { allow } from '#core/identity/rate_limit'
import { settings } from '#core/settings/settings'

export type SecurityAction =
  | 'security.unauthenticated'
  | 'security.forbidden'
  | 'security.not_found'
  | 'security.escalation_refused'
  | 'security.upload_refused'
  | 'security.download'
  | 'security.account_locked'
  | 'security.throttled'

/* One row per request: the escalation refusal is not logged again as a plain 403. */
const logged = new WeakSet<HttpContext>()

type Details = Omit<AuditEntry, 'action' | 'result'>

export const securityLog = {
  /** A refused request; rate-limited per actor. */
  async denied(ctx: HttpContext, action: SecurityAction, details: Details = {}) {
    if (logged.has(ctx)) return
    logged.add(ctx)
    const perMinute = await settings.integer('system.security.deniedLogPerMinute').catch(() => 30)
    const actor = ctx.auth?.user
      ? `u${(ctx.auth.user as { id: number }).id}`
      : `ip${ctx.request.ip()}`
    if (perMinute > 0 && !(await allow(`seclog:${actor}`, perMinute, 60))) return
    await audit.record(ctx, { ...details, action, result: 'failure' })
  },

  /** A file leaving the system (attachment, export): always logged. */
  async download(ctx: HttpContext, details: Details) {
    await audit.record(ctx, { ...details, action: 'security.download', result: 'success' })
  },

  /** An event the system raised itself (a lockout); no request to rate-limit by. */
  async event(ctx: HttpContext | null, action: SecurityAction, details: Details = {}) {
    await audit.record(ctx, { ...details, action, result: 'failure' })
  },
}
