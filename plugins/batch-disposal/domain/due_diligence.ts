/*
| 尽职调查: one result per pool item (collateral, debtor, litigation, the
| recoverable value estimate and how it was valued, attachment references on
| the 影像平台), registered by whoever may see the loan — a branch investigates
| its own loans in a head-office pool — and changed until the item is in an
| approved package. Coverage is the investigated share of principal, against
| the rule dd_coverage; progress is shown per investigator.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { DD, ITEMS, PACKAGES, PROJECTS, scopedItems } from './store.js'
import { advanceStage } from './projects.js'
import { checkCoverage, coverageOf, loadRules, ruleFor } from './rules.js'
import { BatchError } from './batch_error.js'

export interface DdInput {
  collateralStatus: string
  debtorStatus: string
  litigation: string
  recoverableValue: string
  valuationMethod: string
  remark?: string | null
  attachments?: string[]
  investigatedOn: string
}

const LOCKED = [
  'pending',
  'committee',
  'approved',
  'awarded',
  'contracted',
  'paid',
  'delivering',
  'delivered',
]

export async function registerDd(
  access: UserAccess,
  projectId: number,
  itemId: number,
  input: DdInput
) {
  const project = await db.from(PROJECTS).where('id', projectId).first()
  const item = await scopedItems(access, projectId).where('i.id', itemId).select('i.*').first()
  if (!project || !item) throw new BatchError(404, '资产不存在或无权访问')
  if (project.status !== 'approved')
    throw new BatchError(409, '项目未立项或已完成，不能登记尽职调查')
  if (item.package_id) {
    const pkg = await db.from(PACKAGES).where('id', item.package_id).first()
    if (LOCKED.includes(pkg.status))
      throw new BatchError(409, `资产所在资产包 ${pkg.package_no} 已提交审批，尽调结果不能再修改`)
  }
  const row = {
    project_id: projectId,
    collateral_status: input.collateralStatus,
    debtor_status: input.debtorStatus,
    litigation: input.litigation,
    recoverable_fen: Money.fromYuan(input.recoverableValue).toFen(),
    valuation_method: input.valuationMethod,
    remark: input.remark ?? null,
    attachments: JSON.stringify(input.attachments ?? []),
    investigator_id: access.user.id,
    investigated_on: input.investigatedOn,
    updated_at: dbNow(),
  }
  return db.transaction(async (trx) => {
    const existing = await trx.from(DD).where('item_id', itemId).forUpdate().first()
    if (existing) await trx.from(DD).where('id', existing.id).update(row)
    else await trx.table(DD).insert({ item_id: itemId, ...row })
    await advanceStage(trx, projectId, 'due_diligence')
    return { before: existing ?? null, created: !existing }
  })
}

export async function ddOf(itemId: number) {
  const r = await db
    .from(DD)
    .where('item_id', itemId)
    .select('*', db.raw('CAST(recoverable_fen AS CHAR) as recoverable_fen'))
    .first()
  if (!r) return null
  return {
    collateralStatus: r.collateral_status,
    debtorStatus: r.debtor_status,
    litigation: r.litigation,
    recoverableValue: Money.fromFen(String(r.recoverable_fen)).toYuan(),
    valuationMethod: r.valuation_method,
    remark: r.remark ?? null,
    attachments: r.attachments ? JSON.parse(r.attachments) : [],
    investigatorId: Number(r.investigator_id),
    investigatedOn: String(
      r.investigated_on instanceof Date ? r.investigated_on.toISOString() : r.investigated_on
    ).slice(0, 10),
  }
}

/** Investigated principal and all principal (fen) of a package, or of the whole pool. */
export async function coverageFigures(projectId: number, packageId?: number) {
  const q = db
    .from(`${ITEMS} as i`)
    .leftJoin(`${DD} as d`, 'd.item_id', 'i.id')
    .where('i.project_id', projectId)
  if (packageId) q.where('i.package_id', packageId)
  const [row] = await q.select(
    db.raw('CAST(COALESCE(SUM(i.principal_fen), 0) AS CHAR) as total_fen'),
    db.raw(
      'CAST(COALESCE(SUM(CASE WHEN d.id IS NULL THEN 0 ELSE i.principal_fen END), 0) AS CHAR) as done_fen'
    )
  )
  return { totalFen: String(row.total_fen), doneFen: String(row.done_fen) }
}

/** The coverage rule on a package (null when met or off; the refusal text otherwise). */
export async function coverageRefusal(mode: string, projectId: number, packageId: number) {
  const rule = ruleFor(await loadRules(), 'dd_coverage', mode)
  const { totalFen, doneFen } = await coverageFigures(projectId, packageId)
  return checkCoverage(doneFen, totalFen, rule ? rule.value : null)
}

/** 尽调进度: coverage of the pool (in the caller's scope) and per investigator. */
export async function ddProgress(access: UserAccess, projectId: number) {
  const rows = await scopedItems(access, projectId)
    .join(`${DD} as d`, 'd.item_id', 'i.id')
    .leftJoin('users as u', 'u.id', 'd.investigator_id')
    .groupBy('d.investigator_id', 'u.real_name', 'u.username')
    .select(
      'd.investigator_id',
      'u.real_name',
      'u.username',
      db.raw('COUNT(*) as n'),
      db.raw('CAST(SUM(i.principal_fen) AS CHAR) as principal_fen')
    )
  const [all] = await scopedItems(access, projectId)
    .leftJoin(`${DD} as d`, 'd.item_id', 'i.id')
    .select(
      db.raw('COUNT(*) as n'),
      db.raw('COUNT(d.id) as done'),
      db.raw('CAST(COALESCE(SUM(i.principal_fen), 0) AS CHAR) as total_fen'),
      db.raw(
        'CAST(COALESCE(SUM(CASE WHEN d.id IS NULL THEN 0 ELSE i.principal_fen END), 0) AS CHAR) as done_fen'
      )
    )
  const rule = ruleFor(
    await loadRules(),
    'dd_coverage',
    (await db.from(PROJECTS).where('id', projectId).first()).mode
  )
  return {
    loans: Number(all.n),
    investigated: Number(all.done),
    coverage: coverageOf(String(all.done_fen), String(all.total_fen)).toDecimalPlaces(2).toString(),
    required: rule ? rule.value : null,
    byInvestigator: rows.map((r: any) => ({
      userId: Number(r.investigator_id),
      name: r.real_name || r.username || String(r.investigator_id),
      loans: Number(r.n),
      principal: Money.fromFen(String(r.principal_fen)).toYuan(),
    })),
  }
}
