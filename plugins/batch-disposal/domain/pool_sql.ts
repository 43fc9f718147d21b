/*
| 资产池 SQL, set-based: the loans a filter picks (over the book's published
| lookups), the eligibility predicates of the rules, the INSERT … SELECT that
| claims the eligible loans for the project (credit-assets' asset claims) and the one that copies their book
| figures into the pool. Never row by row: a 50 000-loan pool is two statements.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { UserAccess } from '#core/auth/user_access'
import { applyDataScope } from '#core/auth/data_scope'
import { Money } from '#core/money/money'
import { dbNow } from '#core/support/db_time'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { assetClaims } from '../../credit-assets/services/asset_claims.js'
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

/** Why the matched loans that are not eligible are out, counted per reason. */
export async function exclusionCounts(
  base: () => DatabaseQueryBuilderContract,
  projectId: number,
  rules: Eligibility
) {
  const count = async (shape: (q: DatabaseQueryBuilderContract) => unknown) => {
    const q = base()
    shape(q)
    const [row] = await q.count('* as n')
    return Number(row.n)
  }
  const notInBook = await count((q) =>
    q.where((w) =>
      w.whereNot('l.status', 'active').orWhereNull('ra.status').orWhereNot('ra.status', 'managed')
    )
  )
  const owner = claimOwner({ id: projectId })
  const inOther = await count((q) => assetClaims.whereClaimedByOthers(q, 'l.id', owner))
  // Who holds them, so the clerk knows where to look (批量转让项目, 核销方案, …).
  const heldBy = inOther
    ? (
        await assetClaims
          .whereClaimedByOthers(base(), 'l.id', owner)
          .join(book.assetClaims.as('hc'), 'hc.loan_id', 'l.id')
          .groupBy('hc.holder')
          .select('hc.holder', db.raw('COUNT(*) as n'))
      ).map((r: any) => ({ holder: String(r.holder), loans: Number(r.n) }))
    : []
  const personal = rules.excludePersonal
    ? await count((q) => q.whereIn('c.customer_type', PERSONAL_TYPES))
    : 0
  return { notInBook, inOtherDisposal: inOther, heldBy, personal }
}

/** Claims the eligible loans of the query for the project (one INSERT … SELECT). */
export async function lockSelected(
  trx: TransactionClientContract,
  project: { id: number; project_no: string },
  selected: DatabaseQueryBuilderContract
) {
  return assetClaims.claimSelected(
    trx,
    claimOwner(project),
    selected.clearSelect().select('l.id as loan_id')
  )
}

/** 担保结构 of a loan: the strongest guarantee it has (抵押 > 质押 > 保证 > 信用). */
const guaranteeSql = (kind: string) =>
  `EXISTS (SELECT 1 FROM ${book.guarantees.table} g WHERE g.loan_id = l.id AND g.guarantee_type = '${kind}')`

/** Copies the book figures of the project's newly claimed loans into the pool. */
export async function poolLocked(trx: QueryClientContract, projectId: number, source: string) {
  const owner = claimOwner({ id: projectId })
  const before = await countItems(trx, projectId)
  await trx.rawQuery(
    `INSERT INTO ${ITEMS} (project_id, loan_id, loan_no, customer_id, customer_name, customer_type,
        region, org_id, manager_id, five_class, guarantee_type, principal_fen, on_interest_fen,
        off_interest_fen, source, created_at)
     SELECT ?, l.id, l.loan_no, l.customer_id, c.name, c.customer_type, c.region,
        l.org_id, l.manager_id, l.five_class,
        CASE WHEN ${guaranteeSql('mortgage')} THEN 'mortgage' WHEN ${guaranteeSql('pledge')} THEN 'pledge'
             WHEN ${guaranteeSql('guaranty')} THEN 'guaranty' ELSE 'credit' END,
        l.balance_fen, l.on_balance_interest_fen, l.off_balance_interest_fen, ?, ?
       FROM ${book.assetClaims.table} k
       JOIN ${book.loans.table} l ON l.id = k.loan_id
       JOIN ${book.customers.table} c ON c.id = l.customer_id
      WHERE k.holder = ? AND k.holder_ref = ?
        AND NOT EXISTS (SELECT 1 FROM ${ITEMS} i WHERE i.project_id = ? AND i.loan_id = k.loan_id)`,
    [projectId, source, dbNow(), owner.holder, owner.ref, projectId]
  )
  return (await countItems(trx, projectId)) - before
}

async function countItems(client: QueryClientContract, projectId: number) {
  const [row] = await client.from(ITEMS).where('project_id', projectId).count('* as n')
  return Number(row.n)
}
