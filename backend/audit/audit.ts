/*
| 审计日志: the one API every module calls to record an auditable action.
| (Storage, hash chaining, masking and the log pages are built in this folder.)
*/
import type { HttpContext } from '@adonisjs/core/http'

export interface AuditEntry {
  /** Dotted action name: `auth.login`, `auth.logout`, `session.kick`, `role.grant`, `setting.update`, `user.create`, … */
  action: string
  /** What was acted on, e.g. `user`, `role`, `setting`; and its id or key. */
  entityType?: string
  entityId?: string | number | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  result?: 'success' | 'failure'
  /** Extra context (reason, target username, …). */
  detail?: string | null
  /** When there is no signed-in user (e.g. a failed login): who tried. */
  actorUsername?: string | null
}

export const audit = {
  /**
   * Records an action. Pass the HttpContext when there is one (who, org, IP come
   * from it). Never throws into the business action: a failure is logged.
   */
  async record(_ctx: HttpContext | null, _entry: AuditEntry): Promise<void> {
    // Implemented by the audit area (hash-chained audit_logs table).
  },
}
