/*
| The workflow's decisions on a 资产包, in the decision's transaction. An approved
| package at or above the committee threshold goes on to the 资产处置委员会.
*/
import type { WorkflowHandler } from '#core/plugins/types'
import { movePackage } from '../domain/packages.js'
import { PACKAGES } from '../domain/store.js'

const handler: WorkflowHandler = {
  async onApproved({ instance, trx }) {
    const id = Number(instance.businessId)
    const pkg = await trx.from(PACKAGES).where('id', id).first()
    if (pkg?.committee_required) {
      const { sendToCommittee } = await import('../domain/committee.js')
      await movePackage(trx, id, ['pending'], 'committee')
      await sendToCommittee(trx, id)
    } else {
      await movePackage(trx, id, ['pending'], 'approved')
    }
  },
  async onRejected({ instance, trx }) {
    await movePackage(trx, Number(instance.businessId), ['pending'], 'rejected')
  },
  async onReturned({ instance, trx }) {
    await movePackage(trx, Number(instance.businessId), ['pending'], 'returned')
  },
  async onWithdrawn({ instance, trx }) {
    await movePackage(trx, Number(instance.businessId), ['pending'], 'returned')
  },
  async onResubmitted({ instance, trx }) {
    await movePackage(trx, Number(instance.businessId), ['returned'], 'pending')
  },
}

export default handler
