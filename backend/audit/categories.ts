/*
| 登录日志 vs 操作日志 (and 安全日志, `security.*`). Both are rows of audit_logs (one chain); the category is
| derived from the action when the row is written. Sign-in and session events
| (auth.login, auth.login_failed, auth.logout, auth.password_change, session.kick)
| are the login log; everything else is the operation log.
*/
export type AuditCategory = 'login' | 'operation' | 'security'

const LOGIN_PREFIXES = ['auth.', 'session.']

export function categoryOf(action: string): AuditCategory {
  // 安全日志 (security/security_log.ts): denials, refusals, lockouts and file downloads.
  if (action.startsWith('security.')) return 'security'
  return LOGIN_PREFIXES.some((prefix) => action.startsWith(prefix)) ? 'login' : 'operation'
}

/** The login-log actions other areas record today (the 登录日志 page's action filter offers them). */
export const LOGIN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_change',
  'session.kick',
] as const
