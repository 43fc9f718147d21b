/*
| Filters shared by the loan lists. The query has the loan as alias `l` and
| the customer as `c`. Values are bound, never interpolated.
*/
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

export interface LoanFilters {
  orgId?: number
  fiveClass?: string
  overdueMin?: number
  overdueMax?: number
  keyword?: string
}

export async function applyLoanFilters(query: DatabaseQueryBuilderContract, filters: LoanFilters) {
  if (filters.orgId) {
    const org = await db.from('orgs').where('id', filters.orgId).select('path').first()
    if (!org) query.whereRaw('1 = 0')
    else
      query.whereIn('l.org_id', db.from('orgs').where('path', 'like', `${org.path}%`).select('id'))
  }
  if (filters.fiveClass) query.where('l.five_class', filters.fiveClass)
  if (filters.overdueMin !== undefined) query.where('l.overdue_days', '>=', filters.overdueMin)
  if (filters.overdueMax !== undefined) query.where('l.overdue_days', '<=', filters.overdueMax)
  if (filters.keyword) {
    const keyword = filters.keyword
    // 借据号 / 合同号 prefix, customer name substring, or an exact ID number.
    query.where((q) => {
      q.where('l.loan_no', 'like', `${keyword}%`)
        .orWhere('c.name', 'like', `%${keyword}%`)
        .orWhere('c.id_no', keyword)
    })
  }
}

/** The latest business date the floor step flagged (null before its first run). */
export async function latestFlagDate(): Promise<string | null> {
  const row = await db.from('ca_floor_flags').max('business_date as date').first()
  return row?.date ? String(row.date).slice(0, 10) : null
}
