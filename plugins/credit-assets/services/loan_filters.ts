/*
| Filters shared by the loan lists. The query has the loan as alias `l` and
| the customer as `c`. Values are bound, never interpolated.
*/
import db from '@adonisjs/lucid/services/db'
import { blindIndex } from '#core/security/sensitive/index'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { LIKE, likeContains, likePrefix } from '#core/db/like'

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
    // 借据号 / 合同号 prefix, customer name substring, or an exact ID number
    // (the same rule as keywordRiskAssetIds below, shaped for a loan join).
    query.where((q) => {
      q.whereRaw(LIKE, ['l.loan_no', likePrefix(keyword)])
        .orWhereRaw(LIKE, ['c.name', likeContains(keyword)])
        .orWhere('c.id_no_hash', blindIndex(keyword))
    })
  }
}

/**
 * The ids of the risk assets the keyword matches: 借据号 prefix, customer name
 * substring or exact ID number — the rule of applyLoanFilters. WHY a union and
 * not an OR over the loan and customer joins: the OR matched every risk asset
 * against its loan and customer (7 s at 200 000 risk assets on a million loans);
 * each branch of the union reads its own index (loan_no prefix range; the
 * 100 000 customers once) and the result is a few rows. Join it as a derived
 * table, not `IN (…)`: MariaDB runs `IN (union)` once per row.
 */
export function keywordRiskAssetIds(keyword: string) {
  return db
    .from('ca_risk_assets')
    .select('id')
    .whereIn(
      'loan_id',
      db
        .from('ca_loans')
        .whereRaw(LIKE, ['loan_no', likePrefix(keyword)])
        .select('id')
    )
    .union(
      db
        .from('ca_risk_assets')
        .select('id')
        .whereIn(
          'customer_id',
          db
            .from('ca_customers')
            .whereRaw(LIKE, ['name', likeContains(keyword)])
            .orWhere('id_no_hash', blindIndex(keyword))
            .select('id')
        )
    )
}

/** The latest business date the floor step flagged (null before its first run). */
export async function latestFlagDate(): Promise<string | null> {
  const row = await db.from('ca_floor_flags').max('business_date as date').first()
  return row?.date ? String(row.date).slice(0, 10) : null
}
