/*
| 目标任务: targets an org issues downward. Rules, in one place:
| - the target org is inside the actor's data scope for the route's permission;
| - it lies strictly below the actor's own org — nobody sets (or edits) their
|   own org's target, so a branch reads its 总行目标 but cannot change it;
| - its depth fixes the level: branches get 总行目标, sub-branches 分行目标.
| Amounts are fen in the table and yuan strings in and out.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { levelOfDepth, type Period, type TargetKind, type TargetLevel } from './periods.js'
import { assertSeries } from './series.js'
import { TargetError } from './target_error.js'

export interface TargetInput {
  orgId: number
  year: number
  period: Period
  kind: TargetKind
  amount: string
  /** A targets_series code (重点系列项目), or ''/absent for the org's general target. */
  series?: string | null
  remark?: string | null
}

const NOT_FOUND = new TargetError(404, {
  zh: '目标不存在或无权访问',
  en: 'No such target, or not yours to see',
})

/** Targets of one level the user may see (scoped on the target's org, "self" on its creator). */
export function scopedTargets(access: UserAccess, level: TargetLevel) {
  return applyDataScope(
    db.from('targets_tasks as t').join('orgs as o', 'o.id', 't.org_id').where('t.level', level),
    access,
    { orgColumn: 't.org_id', ownerColumn: 't.created_by' }
  )
}

export function targetRow(r: Record<string, any>) {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name as string,
    orgPath: r.org_path as string,
    level: r.level as TargetLevel,
    year: Number(r.year),
    period: r.period as Period,
    kind: r.kind as TargetKind,
    series: (r.series as string) ?? '',
    amount: Money.fromFen(String(r.amount_fen)).toYuan(),
    remark: (r.remark as string | null) ?? null,
    updatedAt: r.updated_at,
  }
}

export const TARGET_COLUMNS = [
  't.id',
  't.org_id',
  'o.name as org_name',
  'o.path as org_path',
  't.level',
  't.year',
  't.period',
  't.kind',
  't.series',
  db.raw('CAST(t.amount_fen AS CHAR) as amount_fen'),
  't.remark',
  't.updated_at',
]

/** The org a target may be issued to by this actor at this level, or a 422 naming why not. */
async function issuableOrg(access: UserAccess, level: TargetLevel, orgId: number) {
  const org = await applyDataScope(
    db.from('orgs').where('id', orgId).where('status', 'active'),
    access,
    {
      orgColumn: 'id',
    }
  )
    .select('id', 'path', 'level', 'name')
    .first()
  const field = 'orgId'
  if (!org)
    throw new TargetError(
      422,
      { zh: '机构不存在或不在您的数据权限内', en: 'The org is not in your data scope' },
      field
    )
  if (!(org.path as string).startsWith(access.orgPath) || org.path === access.orgPath)
    throw new TargetError(
      422,
      { zh: '只能为本机构的下级机构制定目标', en: 'Targets are set only for orgs below your own' },
      field
    )
  if (levelOfDepth(Number(org.level)) !== level)
    throw new TargetError(
      422,
      level === 'head'
        ? { zh: '总行目标只能下达给分行', en: 'Head-office targets go to branches' }
        : { zh: '分行目标只能下达给支行', en: 'Branch targets go to sub-branches' },
      field
    )
  return org
}

export async function findTarget(access: UserAccess, level: TargetLevel, id: number) {
  const row = await scopedTargets(access, level).where('t.id', id).select(TARGET_COLUMNS).first()
  if (!row) throw NOT_FOUND
  return targetRow(row)
}

/** An existing target the actor may change: visible and issued by their org or above it. */
async function editableTarget(access: UserAccess, level: TargetLevel, id: number) {
  const target = await findTarget(access, level, id)
  if (!target.orgPath.startsWith(access.orgPath) || target.orgPath === access.orgPath)
    throw new TargetError(
      422,
      { zh: '不能修改本机构自己的目标', en: "You cannot change your own org's target" },
      'id'
    )
  return target
}

async function refuseDuplicate(input: TargetInput, exceptId?: number) {
  const query = db.from('targets_tasks').where({
    org_id: input.orgId,
    year: input.year,
    period: input.period,
    kind: input.kind,
    series: input.series ?? '',
  })
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first())
    throw new TargetError(
      422,
      {
        zh: '该机构在该期间已有同类目标（同一重点系列项目）',
        en: 'The org already has this kind of target for the period',
      },
      'period'
    )
}

export async function createTarget(access: UserAccess, level: TargetLevel, input: TargetInput) {
  await issuableOrg(access, level, input.orgId)
  if (input.series) await assertSeries(input.series)
  await refuseDuplicate(input)
  const now = dbNow()
  const [id] = await db.table('targets_tasks').insert({
    org_id: input.orgId,
    level,
    year: input.year,
    period: input.period,
    kind: input.kind,
    series: input.series ?? '',
    amount_fen: Money.fromYuan(input.amount).toFen(),
    remark: input.remark ?? null,
    created_by: access.user.id,
    created_at: now,
    updated_at: now,
  })
  return findTarget(access, level, Number(id))
}

export async function updateTarget(
  access: UserAccess,
  level: TargetLevel,
  id: number,
  input: TargetInput
) {
  const before = await editableTarget(access, level, id)
  await issuableOrg(access, level, input.orgId)
  if (input.series) await assertSeries(input.series)
  await refuseDuplicate(input, id)
  await db
    .from('targets_tasks')
    .where('id', id)
    .update({
      org_id: input.orgId,
      year: input.year,
      period: input.period,
      kind: input.kind,
      series: input.series ?? '',
      amount_fen: Money.fromYuan(input.amount).toFen(),
      remark: input.remark ?? null,
      updated_by: access.user.id,
      updated_at: dbNow(),
    })
  return { before, after: await findTarget(access, level, id) }
}

export async function deleteTarget(access: UserAccess, level: TargetLevel, id: number) {
  const before = await editableTarget(access, level, id)
  await db.from('targets_tasks').where('id', id).delete()
  return before
}

/** Orgs the actor may issue targets of this level to (for the form's org picker). */
export async function issuableOrgs(access: UserAccess, level: TargetLevel) {
  const rows = await applyDataScope(
    db
      .from('orgs')
      .where('status', 'active')
      .where('path', 'like', `${access.orgPath}%`)
      .whereNot('path', access.orgPath),
    access,
    { orgColumn: 'id' }
  )
    .orderBy('path')
    .select('id', 'code', 'name', 'level')
  return rows
    .filter((r) => levelOfDepth(Number(r.level)) === level)
    .map((r) => ({ id: Number(r.id), code: r.code as string, name: r.name as string }))
}
