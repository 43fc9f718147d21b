/*
| 无追索权认定: after every measure has ended (终本 and no property, bankruptcy
| closed, …) a written-off subject is registered as without recourse, with its
| evidence (documents on file for the subject), and approved through the core
| workflow (`write-off:no-recourse`). On approval the plan item carries the
| flag and date: it leaves active management (no more 核销后追索 reminders) but
| stays in the ledgers and every query.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import { submitForApproval } from '#core/workflow/submit'
import { ITEMS, day } from '../plans/plan_store.js'
import { WriteOffError } from '../plans/write_off_error.js'
import { EVIDENCE_TABLE } from '../evidence/evidence_service.js'

export const NO_RECOURSE = 'write_off_no_recourse'

/** Written-off items in the caller's scope (the item's org and 管户人). */
export function scopedItems(access: UserAccess) {
  return applyDataScope(db.from(`${ITEMS} as i`), access, {
    orgColumn: 'i.org_id',
    ownerColumn: 'i.manager_id',
  }).whereNotNull('i.written_off_on')
}

export function scopedDeterminations(access: UserAccess) {
  return applyDataScope(db.from(`${NO_RECOURSE} as n`), access, {
    orgColumn: 'n.org_id',
    ownerColumn: 'n.manager_id',
  })
}

export const determinationPlain = (r: any) => ({
  id: Number(r.id),
  itemId: Number(r.item_id),
  subjectNo: r.subject_no,
  reason: r.reason,
  facts: r.facts,
  evidence: JSON.parse(r.evidence),
  status: r.status,
  decidedOn: day(r.decided_on),
  createdBy: Number(r.created_by),
  createdAt: new Date(r.created_at).toISOString(),
})

export interface NoRecourseInput {
  itemId: number
  reason: string
  facts: string
  evidenceIds: number[]
}

export async function registerNoRecourse(access: UserAccess, input: NoRecourseInput) {
  const item = await scopedItems(access).where('i.id', input.itemId).select('i.*').first()
  if (!item) throw new WriteOffError(404, '核销借据不存在或无权访问')
  if (item.no_recourse) throw new WriteOffError(409, `${item.subject_no} 已认定为无追索权`)
  const open = await db
    .from(NO_RECOURSE)
    .where('item_id', item.id)
    .whereIn('status', ['pending', 'returned'])
    .first()
  if (open) throw new WriteOffError(409, `${item.subject_no} 已有审批中的无追索权认定`)
  const evidence = await db
    .from(EVIDENCE_TABLE)
    .where('subject_kind', item.subject_kind)
    .where('subject_id', item.subject_id)
    .whereIn('id', input.evidenceIds)
    .select('id', 'doc_code', 'title', 'doc_no', 'url')
  if (evidence.length !== new Set(input.evidenceIds).size)
    throw new WriteOffError(422, '所附证明材料不属于该借据')
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table(NO_RECOURSE).insert({
      item_id: item.id,
      subject_no: item.subject_no,
      org_id: item.org_id,
      manager_id: item.manager_id,
      created_by: access.user.id,
      reason: input.reason,
      facts: input.facts,
      evidence: JSON.stringify(
        evidence.map((e) => ({
          id: Number(e.id),
          docCode: e.doc_code,
          title: e.title,
          docNo: e.doc_no,
          url: e.url,
        }))
      ),
      status: 'pending',
      created_at: now,
      updated_at: now,
    })
    await submitForApproval({
      type: 'write-off:no-recourse',
      businessId: String(id),
      title: `无追索权认定 ${item.subject_no} ${item.customer_name}`,
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
    return Number(id)
  })
}

export async function decideNoRecourse(
  trx: TransactionClientContract,
  id: number,
  to: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'pending'
) {
  const row = await trx.from(NO_RECOURSE).where('id', id).forUpdate().first()
  if (!row) throw new WriteOffError(404, '无追索权认定不存在')
  const from = to === 'pending' ? ['returned'] : ['pending']
  if (!from.includes(row.status)) throw new WriteOffError(409, '该认定当前状态不能办理该操作')
  const decidedOn = to === 'approved' || to === 'rejected' ? await businessDate.current() : null
  await trx
    .from(NO_RECOURSE)
    .where('id', id)
    .update({ status: to, decided_on: decidedOn, updated_at: dbNow() })
  if (to === 'approved')
    await trx
      .from(ITEMS)
      .where('id', row.item_id)
      .update({ no_recourse: true, no_recourse_on: decidedOn })
}
