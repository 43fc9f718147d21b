/*
| 处置方案 / 资产包: a package built from the project's unpackaged pool items, with
| its valuation (收回率 = valuation / principal), reserve price, method and how
| the price is allocated over the loans at 交割. 资产证券化 records the tranche
| structure (优先/次级) and the servicing fee; 收益权转让 the 银登中心 registration.
|
| 提交审批 checks the rules first: at least N 户 (min_households) and the
| due-diligence coverage (dd_coverage); then the workflow `batch-disposal:package`
| (amount = the package's principal) and, at or above 参数
| batch-disposal.committeeThreshold, the 资产处置委员会 (committee.ts).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { ITEMS, PACKAGES, PROJECTS, packageRow } from './store.js'
import { advanceStage, openProject } from './projects.js'
import { checkHouseholds, loadRules, ruleFor, ruleNumber } from './rules.js'
import { coverageRefusal } from './due_diligence.js'
import { BatchError, affected } from './batch_error.js'
import type { PackageStatus } from './dictionaries.js'

export const PACKAGE_WORKFLOW = 'batch-disposal:package'
export const COMMITTEE_THRESHOLD = 'batch-disposal.committeeThreshold'

export interface Tranche {
  name: string
  level: 'senior' | 'mezzanine' | 'subordinate'
  amount: string
}

export interface PackageInput {
  name: string
  itemIds?: number[]
  allUnpacked?: boolean
  valuation: string
  reservePrice: string
  method: 'tender' | 'bidding' | 'auction' | 'agreement'
  allocation: 'principal' | 'valuation'
  tranches?: Tranche[] | null
  servicingFeeRate?: string | null
  registrationRef?: string | null
}

function checkMode(mode: string, input: PackageInput) {
  if (mode === 'securitization') {
    const levels = new Set((input.tranches ?? []).map((t) => t.level))
    if (!levels.has('senior') || !levels.has('subordinate'))
      throw new BatchError(422, '资产证券化须登记分层结构：至少一档优先级和一档次级')
    if (!input.servicingFeeRate) throw new BatchError(422, '资产证券化须登记贷款服务费率')
  } else if (input.tranches?.length || input.servicingFeeRate) {
    throw new BatchError(422, '分层结构和服务费率只适用于资产证券化')
  }
  if (mode !== 'income_right' && input.registrationRef)
    throw new BatchError(422, '银登中心登记编号只适用于收益权转让')
  if (Money.fromYuan(input.reservePrice).isZero()) throw new BatchError(422, '转让底价必须大于 0')
}

export async function createPackage(access: UserAccess, projectId: number, input: PackageInput) {
  const project = await openProject(access, projectId)
  checkMode(project.mode, input)
  if (!input.allUnpacked && !input.itemIds?.length) throw new BatchError(422, '请选择入包资产')
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [{ n }] = await trx.from(PACKAGES).where('project_id', projectId).count('* as n')
    const [id] = await trx.table(PACKAGES).insert({
      project_id: projectId,
      package_no: `${project.project_no}-B${String(Number(n) + 1).padStart(2, '0')}`,
      name: input.name,
      valuation_fen: Money.fromYuan(input.valuation).toFen(),
      reserve_fen: Money.fromYuan(input.reservePrice).toFen(),
      method: input.method,
      allocation: input.allocation,
      tranches: input.tranches?.length ? JSON.stringify(input.tranches) : null,
      servicing_fee_rate: input.servicingFeeRate ?? null,
      registration_ref: input.registrationRef ?? null,
      org_id: project.org_id,
      created_by: access.user.id,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const packageId = Number(id)
    const q = trx.from(ITEMS).where('project_id', projectId).whereNull('package_id')
    if (!input.allUnpacked) {
      const ids = [...new Set(input.itemIds)]
      const [{ n: free }] = await trx
        .from(ITEMS)
        .where('project_id', projectId)
        .whereNull('package_id')
        .whereIn('id', ids)
        .count('* as n')
      if (Number(free) !== ids.length)
        throw new BatchError(409, '所选资产不在本项目资产池中或已在其他资产包中')
      q.whereIn('id', ids)
    }
    const moved = affected(await q.update({ package_id: packageId }))
    if (!moved) throw new BatchError(422, '资产池中没有可入包的资产')
    await advanceStage(trx, projectId, 'packaging')
    return packageId
  })
}

/** 删除草稿: the items go back to the pool. */
export async function deletePackage(access: UserAccess, packageId: number) {
  const pkg = await packageRow(access, packageId, true)
  await db.transaction(async (trx) => {
    const gone = await trx
      .from(PACKAGES)
      .where('id', packageId)
      .whereIn('status', ['draft', 'returned'])
      .delete()
    if (!affected(gone)) throw new BatchError(409, `资产包 ${pkg.package_no} 已提交，不能删除`)
    await trx.from(ITEMS).where('package_id', packageId).update({ package_id: null })
  })
}

/** Loans, 户数 and principal of a package (fen text). */
export async function packageFigures(
  client: Pick<TransactionClientContract, 'from'>,
  packageId: number
) {
  const [row] = await client
    .from(ITEMS)
    .where('package_id', packageId)
    .select(
      db.raw('COUNT(*) as loans'),
      db.raw('COUNT(DISTINCT customer_id) as households'),
      db.raw('CAST(COALESCE(SUM(principal_fen), 0) AS CHAR) as principal_fen'),
      db.raw('CAST(COALESCE(SUM(principal_fen + on_interest_fen), 0) AS CHAR) as book_fen'),
      db.raw('CAST(COALESCE(SUM(off_interest_fen), 0) AS CHAR) as off_fen')
    )
  return {
    loans: Number(row.loans),
    households: Number(row.households),
    principalFen: String(row.principal_fen),
    bookFen: String(row.book_fen),
    offFen: String(row.off_fen),
  }
}

/** The rules a package must meet before it is offered; the refusals, in words. */
export async function packageRefusals(packageId: number) {
  const pkg = await db.from(PACKAGES).where('id', packageId).first()
  const project = await db.from(PROJECTS).where('id', pkg.project_id).first()
  const rules = await loadRules()
  const figures = await packageFigures(db, packageId)
  const refusals = [
    checkHouseholds(figures.households, ruleNumber(ruleFor(rules, 'min_households', project.mode))),
    await coverageRefusal(project.mode, Number(project.id), packageId),
  ].filter((r): r is string => Boolean(r))
  if (project.mode === 'income_right' && !pkg.registration_ref)
    refusals.push('收益权转让须先登记银登中心登记编号')
  return refusals
}

export async function submitPackage(access: UserAccess, packageId: number) {
  const pkg = await packageRow(access, packageId, true)
  await openProject(access, Number(pkg.project_id))
  if (!['draft', 'returned'].includes(pkg.status))
    throw new BatchError(409, `资产包 ${pkg.package_no} 已提交，不能重复提交`)
  const refusals = await packageRefusals(packageId)
  if (refusals.length) throw new BatchError(422, `资产包不符合规则：${refusals.join('；')}`)
  const figures = await packageFigures(db, packageId)
  const threshold = Money.fromYuan(await settings.raw(COMMITTEE_THRESHOLD))
  const committee = Money.fromFen(figures.principalFen).compare(threshold) >= 0
  await db.transaction(async (trx) => {
    const moved = await trx
      .from(PACKAGES)
      .where('id', packageId)
      .whereIn('status', ['draft', 'returned'])
      .update({ status: 'pending', committee_required: committee, updated_at: dbNow() })
    if (!affected(moved)) throw new BatchError(409, `资产包 ${pkg.package_no} 已提交，不能重复提交`)
    await submitForApproval({
      type: PACKAGE_WORKFLOW,
      businessId: String(packageId),
      title: `批量处置资产包 ${pkg.package_no} ${pkg.name}`.slice(0, 200),
      amount: Money.fromFen(figures.principalFen).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
  })
}

/** Moves a package from one of `from` to `to`, or throws (the caller's transaction rolls back). */
export async function movePackage(
  trx: TransactionClientContract,
  packageId: number,
  from: PackageStatus[],
  to: PackageStatus,
  extra: Record<string, unknown> = {}
) {
  const pkg = await trx.from(PACKAGES).where('id', packageId).forUpdate().first()
  if (!pkg) throw new BatchError(404, '资产包不存在')
  if (!from.includes(pkg.status))
    throw new BatchError(409, `资产包 ${pkg.package_no} 当前状态不能办理该操作`)
  await trx
    .from(PACKAGES)
    .where('id', packageId)
    .update({ status: to, ...extra, updated_at: dbNow() })
  if (to === 'rejected')
    await trx.from(ITEMS).where('package_id', packageId).update({ package_id: null })
  if (to === 'approved') await advanceStage(trx, Number(pkg.project_id), 'implementation')
  return pkg
}
