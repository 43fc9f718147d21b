/*
| 出售申请 / 转固申请 / 列损申请 lists and one application with its postings,
| through the asset's data scope.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { scopedAssets } from '../assets/asset_scope.js'
import { DISPOSALS } from './disposal_service.js'
import { postingsOf } from './postings.js'

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? '0')).toYuan()

function scoped(access: UserAccess) {
  return scopedAssets(access)
    .join(`${DISPOSALS} as d`, 'd.asset_id', 'a.id')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select(
      'd.*',
      'a.asset_no',
      'a.name as asset_name',
      'a.asset_class',
      db.raw('COALESCE(u.real_name, u.username) as applicant_name')
    )
}

function present(r: Record<string, any>) {
  return {
    id: Number(r.id),
    disposalNo: r.disposal_no,
    assetId: Number(r.asset_id),
    assetNo: r.asset_no,
    assetName: r.asset_name,
    assetClass: r.asset_class,
    kind: r.kind,
    status: r.status,
    method: r.method ?? null,
    buyer: r.buyer ?? null,
    amount: yuan(r.amount_fen),
    bookValue: yuan(r.book_value_fen),
    loss: yuan(r.loss_fen),
    reason: r.reason,
    evidence: r.evidence ?? null,
    appliedOn: dateText(r.applied_on),
    completedOn: r.completed_on ? dateText(r.completed_on) : null,
    workflowInstanceId: r.workflow_instance_id ?? null,
    committeeItemId: r.committee_item_id ?? null,
    resolutionNo: r.resolution_no ?? null,
    applicantName: r.applicant_name ?? null,
  }
}

export async function listDisposals(
  access: UserAccess,
  f: {
    page?: number
    perPage?: number
    kind?: string
    status?: string
    keyword?: string
    assetId?: number
  }
) {
  const q = scoped(access).orderBy('d.id', 'desc')
  if (f.kind) q.where('d.kind', f.kind)
  if (f.status) q.where('d.status', f.status)
  if (f.assetId) q.where('a.id', f.assetId)
  if (f.keyword)
    q.where((w) =>
      w
        .whereRaw(LIKE, ['d.disposal_no', likePrefix(f.keyword)])
        .orWhereRaw(LIKE, ['a.asset_no', likePrefix(f.keyword)])
        .orWhereRaw(LIKE, ['a.name', likeContains(f.keyword)])
    )
  const page = await q.paginate(f.page ?? 1, f.perPage ?? 20)
  return {
    data: (page.all() as Record<string, any>[]).map(present),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function disposalDetail(access: UserAccess, id: number) {
  const row = await scoped(access).where('d.id', id).first()
  if (!row) return null
  return { ...present(row), postings: await postingsOf([id]) }
}
