/*
| 资产池 SQL, set-based: the loans a filter picks (over the book's published
| lookups), the eligibility predicates of the rules, the INSERT … SELECT that
| copies the eligible loans' book figures into the pool and the one that claims
| them for the project (credit-assets' asset claims). Never row by row: a
| 50 000-loan pool is one counting pass and two statements.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { affectedRows } from '#core/db/affected_rows'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { assetClaims, AssetClaimError } from '../../credit-assets/services/asset_claims.js'
import { ITEMS, claimOwner } from './store.js'
import type { PoolQuery } from './pool_query.js'

export interface PoolFilter extends PoolQuery {
  orgId?: number
  fiveClasses?: string[]
  customerTypes?: string[]
  regions?: string[]
  overdueMin?: number
  overdueMax?: number
  balanceMin?: string
  balanceMax?: string
}

/** The org filter's subtree path ('' = no org filter, null = no such org). */
export async function orgPathOf(filter: PoolFilter) {
  if (!filter.orgId) return ''
  const org = await db.from('orgs').where('id', filter.orgId).select('path').first()
  return org ? String(org.path) : null
}

/**
 * The book's loans a filter picks, in the caller's scope (alias l, customer c,
 * risk asset ra). Synchronous: a Lucid builder is thenable, so an async function
 * would run it.
 */
export function filteredLoans(access: UserAccess, filter: PoolFilter, orgPath: string | null) {
  const q = db
    .from(book.loans.as('l'))
    .join(book.customers.as('c'), 'c.id', 'l.customer_id')
    .leftJoin(book.riskAssets.as('ra'), 'ra.loan_id', 'l.id')
  applyDataScope(q, access, book.loans.scopeOf('l'))
  if (orgPath === null) q.whereRaw('1 = 0')
  else if (orgPath)
    q.whereIn('l.org_id', db.from('orgs').where('path', 'like', `${orgPath}%`).select('id'))
  if (filter.fiveClasses?.length) q.whereIn('l.five_class', filter.fiveClasses)
  if (filter.customerTypes?.length) q.whereIn('c.customer_type', filter.customerTypes)
  if (filter.regions?.length) q.whereIn('c.region', filter.regions)
  if (filter.overdueMin !== undefined) q.where('l.overdue_days', '>=', filter.overdueMin)
  if (filter.overdueMax !== undefined) q.where('l.overdue_days', '<=', filter.overdueMax)
  if (filter.balanceMin) q.where('l.balance_fen', '>=', Money.fromYuan(filter.balanceMin).toFen())
  if (filter.balanceMax) q.where('l.balance_fen', '<=', Money.fromYuan(filter.balanceMax).toFen())
  return q
}

export interface Eligibility {
  /** 批量转让 without the pilot: personal (individual, online) loans are out. */
  excludePersonal: boolean
}

export const PERSONAL_TYPES = ['individual', 'online']

/** The eligibility predicates, on a query over l / c / ra. */
export function whereEligible(q: DatabaseQueryBuilderContract, rules: Eligibility) {
  q.where('l.status', 'active').where('ra.status', 'managed')
  // Held by any open application (another project, a 核销方案, …): out.
  assetClaims.whereUnclaimed(q, 'l.id')
  if (rules.excludePersonal) q.whereNotIn('c.customer_type', PERSONAL_TYPES)
  return q
}

/**
 * The filter's matches and why those that are not eligible are out, per reason
 * (a loan may count under several) — one pass over the matches with a
 * conditional sum per reason, not a count per reason: on a 50 000-loan filter
 * each pass is the cost. Who holds the loans held elsewhere is asked only when
 * there are any (批量转让项目, 核销方案, …: the clerk knows where to look).
 */
export async function poolTally(
  base: () => DatabaseQueryBuilderContract,
  projectId: number,
  rules: Eligibility
) {
  const owner = claimOwner({ id: projectId })
  const when = (condition: string) => `COALESCE(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`
  // ca_asset_claims' key is the loan: the left join keeps one row per loan.
  const [row] = await base()
    .leftJoin(book.assetClaims.as('hc'), 'hc.loan_id', 'l.id')
    .select(
      db.raw('COUNT(*) as matched'),
      db.raw(
        `${when("l.status <> 'active' OR ra.status IS NULL OR ra.status <> 'managed'")} as not_in_book`
      ),
      db.raw(
        `${when('hc.loan_id IS NOT NULL AND NOT (hc.holder = ? AND hc.holder_ref = ?)')} as in_other`,
        [owner.holder, owner.ref]
      ),
      db.raw(
        `${rules.excludePersonal ? when(`c.customer_type IN (${PERSONAL_TYPES.map(() => '?').join(', ')})`) : '0'} as personal`,
        rules.excludePersonal ? PERSONAL_TYPES : []
      )
    )
  const inOther = Number(row.in_other)
  const heldBy = inOther
    ? (
        await assetClaims
          .whereClaimedByOthers(base(), 'l.id', owner)
          .join(book.assetClaims.as('hc'), 'hc.loan_id', 'l.id')
          .groupBy('hc.holder')
          .select('hc.holder', db.raw('COUNT(*) as n'))
      ).map((r: any) => ({ holder: String(r.holder), loans: Number(r.n) }))
    : []
  return {
    matched: Number(row.matched),
    excluded: {
      notInBook: Number(row.not_in_book),
      inOtherDisposal: inOther,
      heldBy,
      personal: Number(row.personal),
    },
  }
}

/**
 * 担保结构 of a loan: the strongest guarantee it has (抵押 > 质押 > 保证 > 信用),
 * one subquery on (loan_id, guarantee_type) — covered by that index — ranked by
 * CASE (portable: no FIELD/ELT, SQLite runs it too).
 */
const GUARANTEE_SQL = `CASE (SELECT MIN(CASE g.guarantee_type WHEN 'mortgage' THEN 1 WHEN 'pledge' THEN 2
      WHEN 'guaranty' THEN 3 END) FROM ${book.guarantees.table} g WHERE g.loan_id = l.id)
    WHEN 1 THEN 'mortgage' WHEN 2 THEN 'pledge' WHEN 3 THEN 'guaranty' ELSE 'credit' END`

const ITEM_COLUMNS = `project_id, loan_id, loan_no, customer_id, customer_name, customer_type, region, org_id,
  manager_id, five_class, guarantee_type, principal_fen, on_interest_fen, off_interest_fen, source, created_at`
/* A loan's book figures for those columns (between project_id and source), over l and c. */
const ITEM_VALUES = `l.id, l.loan_no, l.customer_id, c.name, c.customer_type, c.region, l.org_id, l.manager_id,
  l.five_class, ${GUARANTEE_SQL}, l.balance_fen, l.on_balance_interest_fen, l.off_balance_interest_fen`

/** Copies the book figures of the project's newly claimed loans into the pool (a list import); how many. */
export async function poolLocked(trx: QueryClientContract, projectId: number, source: string) {
  const owner = claimOwner({ id: projectId })
  const result = await trx.rawQuery(
    `INSERT INTO ${ITEMS} (${ITEM_COLUMNS})
     SELECT ?, ${ITEM_VALUES}, ?, ?
       FROM ${book.assetClaims.table} k
       JOIN ${book.loans.table} l ON l.id = k.loan_id
       JOIN ${book.customers.table} c ON c.id = l.customer_id
      WHERE k.holder = ? AND k.holder_ref = ?
        AND NOT EXISTS (SELECT 1 FROM ${ITEMS} i WHERE i.project_id = ? AND i.loan_id = k.loan_id)`,
    [projectId, source, dbNow(), owner.holder, owner.ref, projectId]
  )
  return affectedRows(result)
}

/**
 * 组建资产池 by filter in two statements: the eligible loans of `selected` (a
 * query over l / c / ra) copied with their book figures into the pool (the one
 * pass over the filter's loans), then claimed for the project from the rows just
 * written (credit-assets' asset claims; an index range, no second read of the
 * book). A loan claimed by another application in between is a 409 and nothing
 * is kept (the caller's transaction rolls back). How many were added.
 */
export async function poolSelected(
  trx: TransactionClientContract,
  project: { id: number; project_no: string },
  selected: DatabaseQueryBuilderContract
) {
  const [{ last }] = await trx.from(ITEMS).max('id as last')
  const { sql, bindings } = selected
    .clearSelect()
    .select(
      db.raw(`?, ${ITEM_VALUES}, 'filter', ?`, [project.id, dbNow()])
    )
    .toSQL()
  const added = affectedRows(
    await trx.rawQuery(`INSERT INTO ${ITEMS} (${ITEM_COLUMNS}) ${sql}`, bindings as any[])
  )
  const claimed = await assetClaims.claimSelected(
    trx,
    claimOwner(project),
    trx
      .from(ITEMS)
      .where('project_id', project.id)
      .where('id', '>', Number(last ?? 0))
      .select('loan_id')
  )
  if (claimed !== added)
    throw new AssetClaimError(
      '部分借据刚被其他业务占用，请重新执行',
      'Some loans were claimed meanwhile; run it again',
      null
    )
  return added
}
