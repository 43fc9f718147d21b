/*
| The workflow's decisions on a 债权转让申请, in the decision's transaction. An
| approved application at or above the committee threshold goes on to the
| 资产处置委员会; the others are 已批准 and may be carried out.
*/
import type { WorkflowHandler } from '#core/plugins/types'
import { moveApp } from '../transfers/service.js'

const handler: WorkflowHandler = {
  async onApproved({ instance, trx }) {
    const appId = Number(instance.businessId)
    const app = await trx.from('transfer_applications').where('id', appId).first()
    if (app?.committee_required) {
      const { sendToCommittee } = await import('../transfers/committee.js')
      await moveApp(trx, appId, ['pending'], 'committee')
      await sendToCommittee(trx, appId)
    } else {
      await moveApp(trx, appId, ['pending'], 'approved')
    }
  },
  async onRejected({ instance, trx }) {
    await moveApp(trx, Number(instance.businessId), ['pending'], 'rejected')
  },
  async onReturned({ instance, trx }) {
    await moveApp(trx, Number(instance.businessId), ['pending'], 'returned')
  },
  async onWithdrawn({ instance, trx }) {
    await moveApp(trx, Number(instance.businessId), ['pending'], 'withdrawn')
  },
  async onResubmitted({ instance, trx }) {
    await moveApp(trx, Number(instance.businessId), ['returned'], 'pending')
  },
}

export default handler
