/*
| 撤回: the maker takes a receipt back before anyone approved it.
|   - 草稿: closed as 已撤回 at once (it never reached the workflow);
|   - 审批中: withdrawn through the core workflow (its rule: the applicant only,
|     and only while no approver has decided a step), whose handler moves the
|     receipt to 已撤回 in the same transaction (workflow/handler.ts).
| Either way the loans are free again for another receipt (moveReceipt drops
| the receipt's locks). Approved, in committee or booked receipts are past 撤回.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import * as actions from '#core/workflow/actions'
import { WorkflowError } from '#core/workflow/workflow_error'
import { receiptRow } from './store.js'
import { moveReceipt, pendingInstance } from './service.js'
import { ForeclosureError } from './foreclosure_error.js'

const WORKFLOW_REFUSALS: Record<string, string> = {
  'workflow.alreadyDecided': '已有审批人办理，不能撤回',
  'workflow.notApplicant': '只有提交人可以撤回',
  'workflow.notPending': '审批已结束，不能撤回',
}

/** Withdraws a draft or a pending receipt of the caller's; returns the status it left. */
export async function withdrawReceipt(
  access: UserAccess,
  receiptId: number,
  comment: string | null
) {
  const r = await receiptRow(access, receiptId)
  if (Number(r.created_by) !== access.user.id)
    throw new ForeclosureError(422, `只有经办人可以撤回 ${r.receipt_no}`)
  if (r.status === 'draft') {
    await db.transaction((trx) => moveReceipt(trx, receiptId, ['draft'], 'withdrawn'))
    return 'draft'
  }
  if (r.status !== 'pending')
    throw new ForeclosureError(409, `${r.receipt_no} 已审批或已入账，不能撤回`)
  const instance = await pendingInstance(receiptId)
  if (!instance) throw new ForeclosureError(409, `${r.receipt_no} 不在审批中`)
  try {
    await actions.withdraw({ instanceId: Number(instance.id), actorId: access.user.id, comment })
  } catch (error) {
    if (error instanceof WorkflowError && WORKFLOW_REFUSALS[error.key])
      throw new ForeclosureError(409, `${r.receipt_no} ${WORKFLOW_REFUSALS[error.key]}`)
    throw error
  }
  return 'pending'
}
