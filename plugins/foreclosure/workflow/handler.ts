/*
| The workflow's decisions on a 抵债资产收取, in the decision's transaction. An
| approved receipt at or above the committee threshold goes on to the
| 资产处置委员会; the others are 已批准 and wait for 抵债账务处理.
*/
import type { WorkflowHandler } from '#core/plugins/types'
import { moveReceipt } from '../receipts/service.js'

const handler: WorkflowHandler = {
  async onApproved({ instance, trx }) {
    const id = Number(instance.businessId)
    const r = await trx.from('foreclosure_receipts').where('id', id).first()
    if (r?.committee_required) {
      const { sendToCommittee } = await import('../receipts/committee.js')
      await moveReceipt(trx, id, ['pending'], 'committee')
      await sendToCommittee(trx, id)
    } else {
      await moveReceipt(trx, id, ['pending'], 'approved')
    }
  },
  async onRejected({ instance, trx }) {
    await moveReceipt(trx, Number(instance.businessId), ['pending'], 'rejected')
  },
  async onReturned({ instance, trx }) {
    await moveReceipt(trx, Number(instance.businessId), ['pending'], 'returned')
  },
  async onWithdrawn({ instance, trx }) {
    await moveReceipt(trx, Number(instance.businessId), ['pending'], 'withdrawn')
  },
  async onResubmitted({ instance, trx }) {
    await moveReceipt(trx, Number(instance.businessId), ['returned'], 'pending')
  },
}

export default handler
