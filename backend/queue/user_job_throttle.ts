/*
| Export floods: every job a person starts (xlsx exports, document batches) counts
| against `system.security.exportJobsPerMinute`; over it, the request is answered
| 429 and nothing is queued. Jobs the system starts (schedules, deliveries) carry
| no user and are not limited.
*/
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { allow } from '#core/identity/rate_limit'
import { settings } from '#core/settings/settings'

export class TooManyJobsError extends Exception {
  static status = 429
  static code = 'E_TOO_MANY_JOBS'

  /** Self-handled: the exception handler hands it the context to answer in the user's language. */
  async handle(_error: this, ctx: HttpContext) {
    ctx.response
      .status(429)
      .send({ message: ctx.i18n('security.tooManyExports'), code: 'TOO_MANY_JOBS' })
  }
}

export async function throttleUserJob(userId: number) {
  const perMinute = await settings.integer('system.security.exportJobsPerMinute').catch(() => 0)
  if (perMinute <= 0) return
  if (!(await allow(`jobs:user:${userId}`, perMinute, 60))) throw new TooManyJobsError()
}
