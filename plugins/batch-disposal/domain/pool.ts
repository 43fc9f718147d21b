/*
| 组建资产池: loans added by a filter (set-based, pool_sql.ts) or by a list import
| (pool_import.ts), removed while not yet in a package, listed and summed —
| always in the caller's scope, so a branch looking at a head-office pool sees
| its own loans and their numbers only.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { assetClaims, AssetClaimError } from '../../credit-assets/services/asset_claims.js'
import { ITEMS, DD, claimOwner, fenText, itemColumns, scopedItems } from './store.js'
import { advanceStage, openProject } from './projects.js'
import { loadRules, ruleFor } from './rules.js'
import {
  filteredLoans,
  orgPathOf,
  poolSelected,
  poolTally,
  whereEligible,
  type Eligibility,
  type PoolFilter,
} from './pool_sql.js'
import { BatchError, isDuplicate } from './batch_error.js'
import { poolQueryLoans } from './pool_query.js'
import { enabledPlugins } from '#core/plugins/registry'
import { caseStatusApi } from '../../litigation/services/case_status_api.js'

/* 诉讼状态 needs the litigation plugin, which batch-disposal does not depend on. */
const litigationEnabled = async () => (await enabledPlugins()).some((p) => p.id === 'litigation')

export async function eligibilityFor(
  mode: string,
  client?: TransactionClientContract
): Promise<Eligibility> {
  const rules = await loadRules(client)
  return { excludePersonal: Boolean(ruleFor(rules, 'exclude_personal', mode)) }
}

/** Adds every eligible loan the filter picks; says how many were added and why others were not. */
export async function addByFilter(access: UserAccess, projectId: number, filter: PoolFilter) {
  const project = await openProject(access, projectId)
  const rules = await eligibilityFor(project.mode)
  const orgPath = await orgPathOf(filter)
  // A saved or ad-hoc 综合查询 narrows the filter (its loans as a subquery).
  const query = await poolQueryLoans(access, filter)
  const base = () => {
    const q = filteredLoans(access, filter, orgPath)
    if (query) q.whereIn('l.id', query.loans())
    return q
  }
  const { matched, excluded } = await poolTally(base, projectId, rules)
  let added = 0
  try {
    added = await db.transaction(async (trx) => {
      const n = await poolSelected(trx, project, whereEligible(base(), rules))
      await advanceStage(trx, projectId, 'pool')
      return n
    })
  } catch (error) {
    if (isDuplicate(error) || error instanceof AssetClaimError)
      throw new BatchError(409, '部分借据刚被其他业务占用，请重新执行筛选')
    throw error
  }
  return { matched, added, excluded, query: query?.name ?? null }
}

/** Takes loans out of the pool (not those already in a package) and frees them. */
export async function removeItems(access: UserAccess, projectId: number, itemIds: number[]) {
  const project = await openProject(access, projectId)
  return db.transaction(async (trx) => {
    const rows = await trx
      .from(ITEMS)
      .where('project_id', projectId)
      .whereIn('id', itemIds)
      .select('id', 'loan_id', 'package_id')
    if (rows.length !== new Set(itemIds).size) throw new BatchError(404, '资产不在本项目资产池中')
    const packed = rows.find((r: any) => r.package_id)
    if (packed) throw new BatchError(409, '已组包的资产不能移出资产池，请先从资产包中移出')
    await trx.from(DD).whereIn('item_id', itemIds).delete()
    await trx.from(ITEMS).whereIn('id', itemIds).delete()
    await assetClaims.release(
      trx,
      claimOwner(project),
      rows.map((r: any) => Number(r.loan_id))
    )
    return rows.length
  })
}

const TOTALS = [
  'COUNT(*) as loans',
  'COUNT(DISTINCT i.customer_id) as households',
  'CAST(COALESCE(SUM(i.principal_fen), 0) AS CHAR) as principal_fen',
  'CAST(COALESCE(SUM(i.on_interest_fen + i.off_interest_fen), 0) AS CHAR) as interest_fen',
]

const plainTotals = (r: any) => ({
  loans: Number(r?.loans ?? 0),
  households: Number(r?.households ?? 0),
  principal: Money.fromFen(String(r?.principal_fen ?? 0)).toYuan(),
  interest: Money.fromFen(String(r?.interest_fen ?? 0)).toYuan(),
})

/** 资产池汇总: 户数, 本金, 利息 and the breakdowns by 担保结构, 五级分类, 地区, 机构. */
export async function poolSummary(access: UserAccess, projectId: number, packageId?: number) {
  const base = () => {
    const q = scopedItems(access, projectId)
    if (packageId) q.where('i.package_id', packageId)
    return q
  }
  const [all] = await base().select(TOTALS.map((s) => db.raw(s)))
  const byExpr = async (expr: string) =>
    (
      await base()
        .groupByRaw(expr)
        .select(db.raw(`${expr} as k`), ...TOTALS.map((s) => db.raw(s)))
        .orderByRaw(expr)
    ).map((r: any) => ({ key: r.k ?? null, ...plainTotals(r) }))
  const by = (column: string) => byExpr(`i.${column}`)
  const [dd] = await base()
    .join(`${DD} as d`, 'd.item_id', 'i.id')
    .select(
      db.raw('COUNT(*) as n'),
      db.raw('CAST(COALESCE(SUM(i.principal_fen), 0) AS CHAR) as principal_fen'),
      db.raw('CAST(COALESCE(SUM(d.recoverable_fen), 0) AS CHAR) as recoverable_fen')
    )
  return {
    ...plainTotals(all),
    investigated: {
      loans: Number(dd?.n ?? 0),
      principal: Money.fromFen(String(dd?.principal_fen ?? 0)).toYuan(),
      recoverable: Money.fromFen(String(dd?.recoverable_fen ?? 0)).toYuan(),
    },
    byGuarantee: await by('guarantee_type'),
    byFiveClass: await by('five_class'),
    byRegion: await by('region'),
    byCustomerType: await by('customer_type'),
    // 诉讼状态: the stage of each loan's latest case, through litigation's public service.
    byLitigation: (await litigationEnabled())
      ? await byExpr(caseStatusApi.stageOfLoanSql('i.loan_id'))
      : null,
  }
}

export interface ItemListInput {
  page?: number
  perPage?: number
  keyword?: string
  packageId?: number
  unpacked?: boolean
  investigated?: boolean
}

/** The pool's loans in the caller's scope, paged, with their due-diligence state. */
export async function listItems(access: UserAccess, projectId: number, input: ItemListInput) {
  const q = scopedItems(access, projectId).leftJoin(`${DD} as d`, 'd.item_id', 'i.id')
  if (input.keyword) {
    const keyword = input.keyword
    q.where((w) =>
      w
        .whereRaw(LIKE, ['i.loan_no', likePrefix(keyword)])
        .orWhereRaw(LIKE, ['i.customer_name', likeContains(keyword)])
    )
  }
  if (input.packageId) q.where('i.package_id', input.packageId)
  if (input.unpacked) q.whereNull('i.package_id')
  if (input.investigated === true) q.whereNotNull('d.id')
  if (input.investigated === false) q.whereNull('d.id')
  const page = input.page ?? 1
  const perPage = input.perPage ?? 20
  const [{ total }] = await q.clone().clearSelect().count('* as total')
  const rows = await q
    .select(...itemColumns('i'), 'd.id as dd_id', fenText('d.recoverable_fen', 'recoverable_fen'))
    .orderBy('i.id')
    .offset((page - 1) * perPage)
    .limit(perPage)
  return { rows, total: Number(total), page, perPage }
}
