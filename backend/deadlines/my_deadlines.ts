/*
| 我的时效: the deadlines the user is reminded of, for the home page: those
| naming them (deadline_users) and those of their org whose permission they
| hold and whose record their data scope covers (see deadline_recipients.ts);
| a disabled plugin's deadlines are hidden (deadline_owner.ts). upcoming: due today or later, nearest
| first; overdue: past due, most recent first. Being reminded is the access rule.
*/
import db from '@adonisjs/lucid/services/db'
import { workingDays } from '#core/holidays/working_days'
import { asDate } from './deadline_rows.js'
import { deadlineClock } from './deadline_clock.js'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { sleepingSources } from './deadline_owner.js'

export interface MyDeadlineFilters {
  status?: 'upcoming' | 'overdue'
  page?: number
  perPage?: number
}

const RECORD_ORG = 'COALESCE(d.record_org_id, d.org_id)'

/**
 * A deadline held by permission is the user's when one of their roles grants that
 * permission AND that role's data scope covers the record (record_recipients.ts).
 */
function heldInScope(query: any, access: UserAccess) {
  const { user, orgPath } = access
  query.where((byRole: any) => {
    let clauses = 0
    for (const role of access.roles) {
      const custom = role.customOrgIds
      if (!role.permissions.size || (role.dataScope === 'custom' && !custom.length)) continue
      clauses++
      byRole.orWhere((r: any) => {
        r.whereIn('d.permission', [...role.permissions])
        if (role.dataScope === 'org') r.whereRaw(`${RECORD_ORG} = ?`, [user.orgId])
        else if (role.dataScope === 'org_and_below')
          r.whereRaw(`${RECORD_ORG} IN (SELECT id FROM orgs WHERE path LIKE ?)`, [`${orgPath}%`])
        else if (role.dataScope === 'custom')
          r.whereRaw(`${RECORD_ORG} IN (${custom.map(() => '?').join(', ')})`, custom)
        else if (role.dataScope === 'self') r.where('d.record_owner_id', user.id)
        else if (role.dataScope !== 'all') r.whereRaw('1 = 0')
      })
    }
    if (!clauses) byRole.whereRaw('1 = 0')
  })
}

export async function listMyDeadlines(userId: number, filters: MyDeadlineFilters) {
  const today = await deadlineClock.today()
  const overdue = filters.status === 'overdue'
  const access = await UserAccess.load(await User.findOrFail(userId))
  const query = db
    .from('deadlines as d')
    .where((mine) => {
      mine.whereExists((named) =>
        named
          .from('deadline_users as u')
          .select(db.raw('1'))
          .whereColumn('u.deadline_id', 'd.id')
          .where('u.user_id', userId)
      )
      mine.orWhere((held) => {
        held.where('d.org_id', access.user.orgId).whereNotNull('d.permission')
        if (!access.isSuperAdmin) heldInScope(held, access)
      })
    })
    .whereNull('d.removed_at')
    .whereNotIn('d.source', sleepingSources(db))
    .where('d.due_date', overdue ? '<' : '>=', today)
    .orderBy('d.due_date', overdue ? 'desc' : 'asc')
    .orderBy('d.id', 'asc')
    .select('d.id', 'd.title', 'd.due_date', 'd.rule', 'd.link', 'd.kind', 'd.source')
  const result = await query.paginate(filters.page ?? 1, filters.perPage ?? 10)
  const calendar = await workingDays.calendar()
  return {
    data: result.all().map((row) => {
      const dueDate = asDate(row.due_date)
      return {
        id: Number(row.id),
        title: row.title,
        kind: row.kind,
        source: row.source,
        dueDate,
        workingDaysLeft: calendar.workingDaysBetween(today, dueDate),
        rule: row.rule,
        link: row.link,
        overdue: dueDate < today,
      }
    }),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage, today },
  }
}
