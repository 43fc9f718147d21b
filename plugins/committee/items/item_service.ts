import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { errors } from '@vinejs/vine'
import { Money } from '#core/money/money'
import { dbNow, fromDb } from '#core/db/db_time'
import { ITEM_FIELDS, submitItemValidator } from '../validators/item.js'
import { CommitteeError } from './committee_error.js'
import { itemKind, pluginOfKind, type RecordRef } from './kind_registry.js'

/*
| Items (上会事项): what plugins put up for the committee. An item waits in the
| pool (pending) until a meeting puts it on its agenda (scheduled); the
| announcement decides it (decided) — or, on 复议, sends it back to the pool for a
| later sitting. One open item per record: submitting a record that already waits
| or is scheduled is a 409.
*/

export interface SubmitItemInput {
  /** A registered kind, `<plugin>:<name>`; its plugin must be recordRef.plugin. */
  kind: string
  title: string
  /** Yuan text, ≤ 2 decimals. */
  amount: string
  recordRef: RecordRef
  /** The submitting org: a branch meeting may take items of its own branch only. */
  orgId: number
  /** Materials the submitting plugin already holds, shown on the agenda (name, console link). */
  materials?: { name: string; link?: string }[]
  submittedBy: number
  /** Users who are party to the item (经办, 关联): they abstain where the rule says so. */
  parties?: number[]
}

export interface CommitteeItemView {
  id: number
  kind: string
  title: string
  amount: string
  recordRef: { plugin: string; kind: string; id: string }
  orgId: number
  status: 'pending' | 'scheduled' | 'decided' | 'withdrawn'
  decision: 'passed' | 'rejected' | 'reconsider' | null
  resolutionNo: string | null
  meetingId: number | null
  decidedAt: string | null
  submittedBy: number
}

const OPEN = ['pending', 'scheduled']

function refuseUnknown(input: object) {
  const unknown = Object.keys(input).filter((k) => !(ITEM_FIELDS as readonly string[]).includes(k))
  if (!unknown.length) return
  throw new errors.E_VALIDATION_ERROR(
    unknown.map((field) => ({
      field,
      rule: 'unknown',
      message: `未知字段 / unknown field: ${field}`,
    }))
  )
}

export function itemView(row: any): CommitteeItemView {
  return {
    id: Number(row.id),
    kind: row.kind,
    title: row.title,
    amount: Money.fromFen(String(row.amount_fen)).toYuan(),
    recordRef: { plugin: row.record_plugin, kind: row.record_kind, id: String(row.record_id) },
    orgId: Number(row.org_id),
    status: row.status,
    decision: row.decision ?? null,
    resolutionNo: row.resolution_no ?? null,
    meetingId: row.meeting_id == null ? null : Number(row.meeting_id),
    decidedAt: fromDb(row.decided_at)?.toFormat('yyyy-MM-dd HH:mm:ss') ?? null,
    submittedBy: Number(row.submitted_by),
  }
}

export async function submitItem(trx: TransactionClientContract, raw: SubmitItemInput) {
  if (!trx?.isTransaction) throw new Error('committee submitItem needs the caller’s transaction')
  refuseUnknown(raw)
  const input = await submitItemValidator.validate({
    ...raw,
    recordRef: raw.recordRef && { ...raw.recordRef, id: String(raw.recordRef.id) },
  })
  if (!itemKind(input.kind))
    throw new CommitteeError(
      422,
      `上会事项类型 ${input.kind} 未注册`,
      `Committee item kind ${input.kind} is not registered`
    )
  if (pluginOfKind(input.kind) !== input.recordRef.plugin)
    throw new CommitteeError(
      422,
      `事项类型 ${input.kind} 不属于插件 ${input.recordRef.plugin}`,
      `Kind ${input.kind} does not belong to plugin ${input.recordRef.plugin}`
    )
  const open = await trx
    .from('committee_items')
    .where({
      record_plugin: input.recordRef.plugin,
      record_kind: input.recordRef.kind,
      record_id: input.recordRef.id,
    })
    .whereIn('status', OPEN)
    .forUpdate()
    .first()
  if (open)
    throw new CommitteeError(
      409,
      `该记录已有待上会事项（编号 ${open.id}）`,
      `The record already has an open committee item (#${open.id})`
    )
  const now = dbNow()
  const [id] = await trx.table('committee_items').insert({
    kind: input.kind,
    title: input.title,
    amount_fen: Money.fromYuan(input.amount).toFen(),
    record_plugin: input.recordRef.plugin,
    record_kind: input.recordRef.kind,
    record_id: input.recordRef.id,
    org_id: input.orgId,
    submitted_by: input.submittedBy,
    parties_json: JSON.stringify([...new Set(input.parties ?? [])]),
    status: 'pending',
    created_at: now,
    updated_at: now,
  })
  const itemId = Number(id)
  if (input.materials?.length)
    await trx.table('committee_materials').multiInsert(
      input.materials.map((m) => ({
        item_id: itemId,
        file_name: m.name,
        link: m.link ?? null,
        uploaded_by: input.submittedBy,
        created_at: now,
      }))
    )
  return itemId
}

/** The record's newest item (open or decided), or null. */
export async function itemFor(recordRef: RecordRef, client?: QueryClientContract) {
  const row = await (client ?? db)
    .from('committee_items')
    .where({
      record_plugin: recordRef.plugin,
      record_kind: recordRef.kind,
      record_id: String(recordRef.id),
    })
    .orderBy('id', 'desc')
    .first()
  return row ? itemView(row) : null
}

/** The submitting plugin takes back an item still waiting in the pool (not yet on an agenda). */
export async function withdrawItem(trx: TransactionClientContract, itemId: number) {
  const row = await trx.from('committee_items').where('id', itemId).forUpdate().first()
  if (!row) throw new CommitteeError(404, '上会事项不存在', 'Committee item not found')
  if (row.status !== 'pending')
    throw new CommitteeError(
      409,
      '事项已列入会议议程或已决议，不能撤回',
      'The item is on an agenda or decided and cannot be withdrawn'
    )
  await trx
    .from('committee_items')
    .where('id', itemId)
    .update({ status: 'withdrawn', updated_at: dbNow() })
}
