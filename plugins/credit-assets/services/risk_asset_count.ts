/*
| The 风险资产 list's total from the snapshot step's groups (ca_book_totals, the
| same source as the 风险资产台账's count and 合计): a few hundred group rows
| summed instead of COUNT(*) over every risk asset in the scope's index range
| (200 000 index entries per page view for a head-office user on the 1 M book).
| Exact, never an estimate: live it is the newest snapshot's groups corrected by
| the loans changed since (book_totals.ts), so the console needs no "约".
| Only for the filters the groups carry (risk status, 五级分类, 机构); any other
| filter (keyword, 逾期天数, 下限预警) counts the rows as before.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { bookTotalsSource } from '../snapshots/book_totals.js'

export interface GroupCountInput {
  status?: string
  fiveClass?: string
  keyword?: string
  floorFlag?: string
  overdueMin?: number
  overdueMax?: number
}

/** True when the groups can count this list (no filter they do not carry). */
export function groupsCanCount(input: GroupCountInput): boolean {
  return (
    !input.keyword &&
    !input.floorFlag &&
    input.overdueMin === undefined &&
    input.overdueMax === undefined
  )
}

/**
 * The list's total from the groups, or null when they cannot answer (a filter
 * they do not carry, or no snapshot yet). `orgIds`: the 机构 filter's subtree
 * (null = no such org; undefined = no filter). The caller has resolved the
 * scope's subtree ids (resolveSubtreeOrgIds).
 */
export async function riskAssetCountFromGroups(
  access: UserAccess,
  input: GroupCountInput,
  orgIds: number[] | null | undefined
): Promise<number | null> {
  if (!groupsCanCount(input)) return null
  if (orgIds === null) return 0
  const source = await bookTotalsSource(db, null)
  if (!source) return null
  const query = db.from(db.raw(`(${source.sql}) as a`, source.bindings as any[]) as any)
  applyDataScope(query, access, { orgColumn: 'a.org_id', ownerColumn: 'a.manager_id' })
  if (input.status) query.where('a.risk_status', input.status)
  if (input.fiveClass) query.where('a.five_class', input.fiveClass)
  if (orgIds) query.whereIn('a.org_id', orgIds.length ? orgIds : [0])
  const row = await query.select(db.raw('CAST(COALESCE(SUM(a.loans), 0) AS CHAR) as n')).first()
  return Number(row?.n ?? 0)
}
