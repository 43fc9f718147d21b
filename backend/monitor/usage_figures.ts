/*
| 数据监控 figures for a date range: sign-ins and active users per day, sign-ins
| by org, feature use (operation-log actions, by area = the action's first
| segment, e.g. `disposal`), failed background jobs per day, and the live
| backlog (outbox, job queue). Log figures follow the viewer's data scope like
| the log pages do (auditLogQuery). Portable SQL: DATE() and GROUP BY work alike
| on MariaDB and SQLite.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { UserAccess } from '#core/identity/user_access'
import { auditLogQuery } from '#core/audit/log_query'

export interface UsageRange {
  from: string
  to: string
}

/** DATE() gives a string on SQLite and a Date or string on MariaDB (dateStrings). */
const dayText = (value: unknown) =>
  value instanceof Date ? DateTime.fromJSDate(value).toISODate()! : String(value).slice(0, 10)

function days({ from, to }: UsageRange) {
  const out: string[] = []
  for (let d = DateTime.fromISO(from); d.toISODate()! <= to; d = d.plus({ days: 1 }))
    out.push(d.toISODate()!)
  return out
}

async function signIns(range: UsageRange, access: UserAccess) {
  const rows = await auditLogQuery(
    'login',
    { ...range, action: 'auth.login', result: 'success' },
    access
  )
    .select(db.raw('date(audit_logs.occurred_at) as day'))
    .count('* as logins')
    .countDistinct('audit_logs.user_id as users')
    .groupByRaw('date(audit_logs.occurred_at)')
  const failed = await auditLogQuery('login', { ...range, action: 'auth.login_failed' }, access)
    .select(db.raw('date(audit_logs.occurred_at) as day'))
    .count('* as n')
    .groupByRaw('date(audit_logs.occurred_at)')
  const byDay = new Map(rows.map((r: any) => [dayText(r.day), r]))
  const failedByDay = new Map(failed.map((r: any) => [dayText(r.day), Number(r.n)]))
  return days(range).map((day) => ({
    day,
    logins: Number(byDay.get(day)?.logins ?? 0),
    activeUsers: Number(byDay.get(day)?.users ?? 0),
    failedLogins: failedByDay.get(day) ?? 0,
  }))
}

async function signInsByOrg(range: UsageRange, access: UserAccess) {
  const rows = await auditLogQuery(
    'login',
    { ...range, action: 'auth.login', result: 'success' },
    access
  )
    .select('audit_logs.org_name')
    .count('* as logins')
    .countDistinct('audit_logs.user_id as users')
    .groupBy('audit_logs.org_name')
    .orderBy('logins', 'desc')
    .limit(15)
  return rows.map((r: any) => ({
    org: r.org_name ?? '',
    logins: Number(r.logins),
    users: Number(r.users),
  }))
}

async function featureUse(range: UsageRange, access: UserAccess) {
  const rows = await auditLogQuery('operation', range, access)
    .select('audit_logs.action')
    .count('* as n')
    .groupBy('audit_logs.action')
  const actions = rows
    .map((r: any) => ({ action: String(r.action), count: Number(r.n) }))
    .sort((a, b) => b.count - a.count)
  const areas = new Map<string, number>()
  for (const { action, count } of actions) {
    const area = action.split('.')[0]
    areas.set(area, (areas.get(area) ?? 0) + count)
  }
  return {
    topActions: actions.slice(0, 20),
    areas: [...areas].map(([area, count]) => ({ area, count })).sort((a, b) => b.count - a.count),
  }
}

async function jobFailures(range: UsageRange) {
  const rows = await db
    .from('job_runs')
    .where('created_at', '>=', `${range.from} 00:00:00`)
    .where('created_at', '<=', `${range.to} 23:59:59`)
    .select(db.raw('date(created_at) as day'), 'status')
    .count('* as n')
    .groupByRaw('date(created_at), status')
  const per = new Map<string, { completed: number; failed: number }>()
  for (const r of rows as any[]) {
    const entry = per.get(dayText(r.day)) ?? { completed: 0, failed: 0 }
    if (r.status === 'failed') entry.failed += Number(r.n)
    if (r.status === 'completed') entry.completed += Number(r.n)
    per.set(dayText(r.day), entry)
  }
  return days(range).map((day) => ({ day, ...(per.get(day) ?? { completed: 0, failed: 0 }) }))
}

async function backlog() {
  const outbox = await db
    .from('outbox_messages')
    .whereIn('status', ['pending', 'dead'])
    .groupBy('status')
    .select('status')
    .count('* as n')
  const jobs = await db
    .from('job_runs')
    .whereIn('status', ['queued', 'running'])
    .groupBy('status')
    .select('status')
    .count('* as n')
  const pick = (rows: any[], status: string) =>
    Number(rows.find((r) => r.status === status)?.n ?? 0)
  return {
    outboxPending: pick(outbox, 'pending'),
    outboxDead: pick(outbox, 'dead'),
    jobsQueued: pick(jobs, 'queued'),
    jobsRunning: pick(jobs, 'running'),
  }
}

export async function usageFigures(range: UsageRange, access: UserAccess) {
  const [perDay, byOrg, features, jobs, live] = await Promise.all([
    signIns(range, access),
    signInsByOrg(range, access),
    featureUse(range, access),
    jobFailures(range),
    backlog(),
  ])
  return { range, perDay, byOrg, features, jobs, live }
}
