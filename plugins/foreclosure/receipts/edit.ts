/*
| 修改草稿: a receipt still in 草稿 is saved again by its maker — the same rules
| as 保存草稿 (loans, 押品管理, buckets owed and settled recomputed as of the
| business date), its loans and their locks replaced in one transaction. Once
| submitted (审批中 or later) it is frozen: 409. Another clerk's draft: 422
| (only the maker edits); out of scope: 404.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { LOANS, LOCKS, RECEIPTS, receiptPlain, receiptRow } from './store.js'
import { ForeclosureError } from './foreclosure_error.js'
import {
  insertReceiptLoans,
  prepareReceipt,
  receiptColumns,
  type ReceiptInput,
} from './service.js'

const frozen = (no: string) =>
  new ForeclosureError(409, `${no} 已提交，不能再修改（草稿才能修改）`)

/** Saves the draft again; returns the receipt as it was before (for the audit). */
export async function updateReceipt(access: UserAccess, receiptId: number, input: ReceiptInput) {
  const before = await receiptRow(access, receiptId)
  if (Number(before.created_by) !== access.user.id)
    throw new ForeclosureError(422, `只有经办人可以修改 ${before.receipt_no}`)
  if (before.status !== 'draft') throw frozen(before.receipt_no)
  const prepared = await prepareReceipt(access, input)
  await db.transaction(async (trx) => {
    // The row lock orders this against a concurrent submission: whichever commits first wins.
    const row = await trx.from(RECEIPTS).where('id', receiptId).forUpdate().first()
    if (!row || row.status !== 'draft') throw frozen(before.receipt_no)
    await trx
      .from(RECEIPTS)
      .where('id', receiptId)
      .update({ ...receiptColumns(input, prepared), updated_at: dbNow() })
    await trx.from(LOCKS).where('receipt_id', receiptId).delete()
    await trx.from(LOANS).where('receipt_id', receiptId).delete()
    await insertReceiptLoans(trx, receiptId, prepared)
  })
  return receiptPlain(before)
}
