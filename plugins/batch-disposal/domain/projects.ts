/*
| 转让立项: a project (name, mode, target size, schedule, team, reasons) saved as a
| draft and approved through the core workflow (type `batch-disposal:project`,
| amount = the target size for the tiers). Only an approved project builds a
| pool; its stage then follows the work (组池 → 尽调 → 方案 → 实施 → 已交割).
| A rejected or withdrawn project frees every loan it held.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { assetClaims } from '../../credit-assets/services/asset_claims.js'
import { PROJECTS, claimOwner, projectRow } from './store.js'
import { BatchError, affected } from './batch_error.js'
import type { Mode, ProjectStatus, Stage } from './dictionaries.js'

export const PROJECT_WORKFLOW = 'batch-disposal:project'

export interface ProjectInput {
  name: string
  mode: Mode
  targetSize: string
  plannedStart: string
  plannedEnd: string
  team: string
  reasons: string
}

export async function createProject(access: UserAccess, input: ProjectInput) {
  if (input.plannedEnd < input.plannedStart)
    throw new BatchError(422, '计划完成日期不能早于计划开始日期')
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table(PROJECTS).insert({
      project_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      name: input.name,
      mode: input.mode,
      target_fen: Money.fromYuan(input.targetSize).toFen(),
      planned_start: input.plannedStart,
      planned_end: input.plannedEnd,
      team: input.team,
      reasons: input.reasons,
      org_id: access.user.orgId,
      created_by: access.user.id,
      status: 'draft',
      stage: 'initiation',
      created_at: now,
      updated_at: now,
    })
    const stamp = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')
    await trx
      .from(PROJECTS)
      .where('id', Number(id))
      .update({ project_no: `PLZR${stamp}${String(id).padStart(6, '0')}` })
    return Number(id)
  })
}

/** 提交审批: only the creator, only a draft or returned project. */
export async function submitProject(access: UserAccess, id: number) {
  const project = await projectRow(access, id, true)
  if (Number(project.created_by) !== access.user.id)
    throw new BatchError(422, '只有立项人可以提交该项目')
  await db.transaction(async (trx) => {
    const moved = await trx
      .from(PROJECTS)
      .where('id', id)
      .whereIn('status', ['draft', 'returned'])
      .update({ status: 'pending', submitted_at: dbNow(), updated_at: dbNow() })
    if (!affected(moved)) throw new BatchError(409, '项目已提交，不能重复提交')
    await submitForApproval({
      type: PROJECT_WORKFLOW,
      businessId: String(id),
      title: `批量处置立项 ${project.project_no} ${project.name}`.slice(0, 200),
      amount: Money.fromFen(String(project.target_fen)).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
  })
}

export async function moveProject(
  trx: TransactionClientContract,
  id: number,
  from: ProjectStatus[],
  to: ProjectStatus,
  extra: Record<string, unknown> = {}
) {
  const project = await trx.from(PROJECTS).where('id', id).forUpdate().first()
  if (!project) throw new BatchError(404, '批量处置项目不存在')
  if (!from.includes(project.status))
    throw new BatchError(409, `项目 ${project.project_no} 当前状态不能办理该操作`)
  await trx
    .from(PROJECTS)
    .where('id', id)
    .update({ status: to, ...extra, updated_at: dbNow() })
  if (['rejected', 'withdrawn'].includes(to)) await assetClaims.release(trx, claimOwner(project))
  return project
}

const ORDER: Stage[] = [
  'initiation',
  'pool',
  'due_diligence',
  'packaging',
  'implementation',
  'closed',
]

/** Moves the stage forward only (a later step never sends the project back). */
export async function advanceStage(trx: TransactionClientContract, id: number, stage: Stage) {
  await trx
    .from(PROJECTS)
    .where('id', id)
    .whereIn('stage', ORDER.slice(0, ORDER.indexOf(stage)))
    .update({ stage, updated_at: dbNow() })
}

/** The project may be worked on: approved (立项 done), and owned by the caller's scope. */
export async function openProject(access: UserAccess, id: number) {
  const project = await projectRow(access, id, true)
  if (project.status !== 'approved')
    throw new BatchError(409, `项目 ${project.project_no} 未立项或已完成，不能办理该操作`)
  return project
}
