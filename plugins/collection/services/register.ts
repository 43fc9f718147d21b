/*
| 登记时效中断: a 催收记录 with proof (送达回证, 通话录音, 公告报样 …) becomes a
| 催收 event on each of its item's loans through disposal's public limitation
| API (民法典 §195(1): interrupts a running 诉讼时效; after expiry a notice the
| debtor signed is a waiver, flagged for legal review). Our record and the
| events commit together; registering twice is refused (409), and the API is
| idempotent per source anyway.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { dbNow } from '#core/db/db_time'
import { LimitationError, recordCollection } from '../../disposal/services/limitation_api.js'
import { CollectionError } from './collection_error.js'
import { ItemError } from './items.js'

export async function registerInterruption(
  ctx: HttpContext,
  access: UserAccess,
  recordId: number,
  input: { signed?: boolean; remark?: string }
) {
  const user = ctx.auth.getUserOrFail()
  return db.transaction(async (trx) => {
    const record = await trx.from('collection_records').where('id', recordId).forUpdate().first()
    if (!record) throw new ItemError(404, 'id', '催收记录不存在', 'Record not found')
    if (record.registered_at)
      throw new ItemError(422, 'id', '该催收记录已登记时效中断', 'Already registered')
    if (!record.proof_doc_no)
      throw new ItemError(
        422,
        'proof',
        '无催收凭证（送达回证、通话录音等）的记录不能中断时效',
        'A record without proof cannot interrupt the limitation period'
      )
    const loanIds = (
      await trx.from('collection_item_loans').where('item_id', record.item_id).select('loan_id')
    ).map((l) => Number(l.loan_id))
    const events = await recordCollection(trx, {
      loanIds,
      date: dateText(record.collected_on),
      proofRef: `${record.proof_title ?? '催收凭证'} ${record.proof_doc_no}`.slice(0, 200),
      source: { plugin: 'collection', kind: 'record', id: record.id, label: record.record_no },
      operatorId: user.id,
      signed: Boolean(input.signed),
      remark: input.remark,
      access,
      ctx,
    }).catch((error) => {
      // disposal's refusal (e.g. a loan with no running period), answered as this plugin's.
      throw error instanceof LimitationError ? CollectionError.from(error) : error
    })
    await trx
      .from('collection_records')
      .where('id', record.id)
      .update({ registered_at: dbNow(), registered_by: user.id })
    await audit.append(ctx, {
      action: 'collection.record.register',
      entityType: 'collection_record',
      entityId: record.id,
      after: { recordNo: record.record_no, loanIds, signed: Boolean(input.signed) },
      trx,
    })
    return events
  })
}
