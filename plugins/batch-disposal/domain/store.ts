/*
| Reading 批量处置 rows in the caller's data scope.
|
| A project belongs to the org that set it up (usually the head office); the
| loans in its pool belong to the branches. A user sees a project when its org
| is in their scope (they may work on it) or when its pool holds a loan in their
| scope (a branch following its own assets in a head-office pool): then every
| list and total of the pool is cut to the loans they may see, so a branch
| never learns another branch's figures. Writes to the project need its org.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { BatchError } from './batch_error.js'

export const PROJECTS = 'batch_disposal_projects'
export const RULES = 'batch_disposal_rules'
export const ITEMS = 'batch_disposal_items'
export const DD = 'batch_disposal_dd'
export const PACKAGES = 'batch_disposal_packages'
export const OFFERS = 'batch_disposal_offers'
export const BIDS = 'batch_disposal_bids'
export const NOTICES = 'batch_disposal_notices'
export const POSTINGS = 'batch_disposal_postings'
export const ALLOCATIONS = 'batch_disposal_allocations'

/**
 * The project's hold on its pooled loans: a credit-assets asset claim (one
 * holder per loan across every plugin's open applications), so a loan in a
 * 核销方案 or another project is never pooled, and a pooled loan never enters one.
 */
export const claimOwner = (project: { id: number | string; project_no?: string }) => ({
  holder: 'batch-disposal',
  ref: `project:${project.id}`,
  label: `批量转让项目 ${project.project_no ?? project.id}`,
})

export const PROJECT_SCOPE = { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' }
export const itemScope = (alias: string) => ({
  orgColumn: `${alias}.org_id`,
  ownerColumn: `${alias}.manager_id`,
})

export const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
export const day = (v: unknown) =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? DateTime.fromJSDate(v).toISODate()!
      : String(v).slice(0, 10)
export const fenText = (column: string, as: string) => db.raw(`CAST(${column} AS CHAR) as ${as}`)

type Client = Pick<QueryClientContract, 'from'>

/** Items of a project the caller may see (their loans' org or manager in scope). */
export function scopedItems(access: UserAccess, projectId: number, client: Client = db) {
  return applyDataScope(
    client.from(`${ITEMS} as i`).where('i.project_id', projectId),
    access,
    itemScope('i')
  )
}

/** Projects the caller sees: the project's org in scope, or a pooled loan in scope. */
export function scopedProjects(access: UserAccess, client: Client = db) {
  const query = client.from(`${PROJECTS} as p`).select('p.*', fenText('p.target_fen', 'target_fen'))
  if (access.isSuperAdmin) return query
  return query.where((outer: any) =>
    outer
      .where((own: any) => applyDataScope(own, access, PROJECT_SCOPE))
      .orWhereExists(
        applyDataScope(
          db.from(`${ITEMS} as si`).whereRaw('si.project_id = p.id').select(db.raw('1')),
          access,
          itemScope('si')
        )
      )
  )
}

/** The project if the caller sees it (404 otherwise); `own` = the caller may change it. */
export async function projectRow(access: UserAccess, id: number, own = false) {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new BatchError(404, '批量处置项目不存在或无权访问')
  const row = await scopedProjects(access).where('p.id', id).first()
  if (!row) throw new BatchError(404, '批量处置项目不存在或无权访问')
  if (own && !(await ownsProject(access, id)))
    throw new BatchError(404, '批量处置项目不存在或无权访问')
  return row
}

export async function ownsProject(access: UserAccess, id: number) {
  const row = await applyDataScope(
    db.from(`${PROJECTS} as p`).where('p.id', id),
    access,
    PROJECT_SCOPE
  )
    .select('p.id')
    .first()
  return Boolean(row)
}

/** A package through its project: visible, or owned for a change. */
export async function packageRow(access: UserAccess, id: number, own = false) {
  if (!Number.isSafeInteger(id) || id <= 0) throw new BatchError(404, '资产包不存在或无权访问')
  const pkg = await db
    .from(PACKAGES)
    .where('id', id)
    .select('*', ...['valuation_fen', 'reserve_fen', 'price_fen'].map((c) => fenText(c, c)))
    .first()
  if (!pkg) throw new BatchError(404, '资产包不存在或无权访问')
  await projectRow(access, Number(pkg.project_id), own).catch(() => {
    throw new BatchError(404, '资产包不存在或无权访问')
  })
  return pkg
}

export const projectPlain = (r: any) => ({
  id: Number(r.id),
  projectNo: r.project_no,
  name: r.name,
  mode: r.mode,
  targetSize: yuan(r.target_fen),
  plannedStart: day(r.planned_start),
  plannedEnd: day(r.planned_end),
  team: r.team,
  reasons: r.reasons,
  orgId: Number(r.org_id),
  createdBy: Number(r.created_by),
  status: r.status,
  stage: r.stage,
  submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
})

export const itemPlain = (r: any) => ({
  id: Number(r.id),
  loanId: Number(r.loan_id),
  loanNo: r.loan_no,
  customerId: Number(r.customer_id),
  customerName: r.customer_name,
  customerType: r.customer_type ?? null,
  region: r.region ?? null,
  orgId: Number(r.org_id),
  fiveClass: r.five_class ?? null,
  guaranteeType: r.guarantee_type ?? null,
  principal: yuan(r.principal_fen),
  onBalanceInterest: yuan(r.on_interest_fen),
  offBalanceInterest: yuan(r.off_interest_fen),
  packageId: r.package_id ? Number(r.package_id) : null,
  source: r.source,
  price: r.price_fen === null || r.price_fen === undefined ? null : yuan(r.price_fen),
  deliveredOn: day(r.delivered_on),
  investigated: r.dd_id !== null && r.dd_id !== undefined,
  recoverable:
    r.recoverable_fen === null || r.recoverable_fen === undefined ? null : yuan(r.recoverable_fen),
})

export const ITEM_MONEY = ['principal_fen', 'on_interest_fen', 'off_interest_fen']
export const itemColumns = (alias = 'i') => [
  `${alias}.*`,
  ...ITEM_MONEY.map((c) => fenText(`${alias}.${c}`, c)),
]

export const packagePlain = (r: any) => ({
  id: Number(r.id),
  projectId: Number(r.project_id),
  packageNo: r.package_no,
  name: r.name,
  valuation: yuan(r.valuation_fen),
  reservePrice: yuan(r.reserve_fen),
  method: r.method,
  allocation: r.allocation,
  tranches: r.tranches ? JSON.parse(r.tranches) : null,
  servicingFeeRate: r.servicing_fee_rate ?? null,
  registrationRef: r.registration_ref ?? null,
  status: r.status,
  committeeRequired: Boolean(r.committee_required),
  committeeResult: r.committee_result ?? null,
  buyer: r.buyer ?? null,
  price: r.price_fen === null || r.price_fen === undefined ? null : yuan(r.price_fen),
  contractNo: r.contract_no ?? null,
  contractDate: day(r.contract_date),
  announcementNo: r.announcement_no ?? null,
  paidOn: day(r.paid_on),
  handoverDate: day(r.handover_date),
  createdAt: new Date(r.created_at).toISOString(),
})
