/*
| 批量发起 and 批量审批 (spec §3.7): many receipts at once, each on its own —
| one receipt refused (not a draft, not the caller's task, out of scope) never
| stops the others, and the answer lists each one's result. 批量审批 is the
| caller's own open task on each receipt's approval, decided with one comment
| through the core workflow (its history, four-eyes and handler run per receipt).
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { UserAccess } from '#core/identity/user_access'
import * as actions from '#core/workflow/actions'
import { visibleInstance } from '#core/workflow/instance_detail'
import { WorkflowError } from '#core/workflow/workflow_error'
import { receiptRow } from './store.js'
import { pendingInstance, submitReceipt } from './service.js'
import { ForeclosureError } from './foreclosure_error.js'

export interface BatchResult {
  id: number
  receiptNo: string | null
  ok: boolean
  message: string | null
}

async function each(
  ctx: HttpContext,
  ids: number[],
  work: (id: number) => Promise<string>
): Promise<BatchResult[]> {
  const out: BatchResult[] = []
  for (const id of [...new Set(ids)]) {
    try {
      out.push({ id, receiptNo: await work(id), ok: true, message: null })
    } catch (error) {
      if (error instanceof ForeclosureError)
        out.push({ id, receiptNo: null, ok: false, message: error.message })
      else if (error instanceof WorkflowError)
        out.push({
          id,
          receiptNo: null,
          ok: false,
          message: error.messageFor(ctx),
        })
      else throw error
    }
  }
  return out
}

export function batchSubmit(ctx: HttpContext, access: UserAccess, ids: number[]) {
  return each(ctx, ids, async (id) => {
    const r = await receiptRow(access, id)
    await submitReceipt(access, id)
    return r.receipt_no
  })
}

export function batchApprove(
  ctx: HttpContext,
  access: UserAccess,
  ids: number[],
  comment: string | null
) {
  return each(ctx, ids, async (id) => {
    const r = await receiptRow(access, id)
    const instance = await pendingInstance(id)
    if (!instance) throw new ForeclosureError(409, `${r.receipt_no} 不在审批中`)
    await visibleInstance(access, Number(instance.id))
    await actions.approve({ instanceId: Number(instance.id), actorId: access.user.id, comment })
    return r.receipt_no
  })
}
