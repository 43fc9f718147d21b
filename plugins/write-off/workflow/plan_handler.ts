/*
| The workflow's decisions on a 核销方案, in the decision's transaction. An
| approved plan at or above the committee threshold goes on to the 资产处置委员会
| (plans/committee.ts); the others wait for their 批复.
*/
import type { WorkflowHandler } from '#core/plugins/types'
import { movePlan } from '../plans/plan_service.js'

const planHandler: WorkflowHandler = {
  async onApproved({ instance, trx, actorId }) {
    const planId = Number(instance.businessId)
    const plan = await trx.from('write_off_plans').where('id', planId).first()
    if (plan?.committee_required) {
      const { sendToCommittee } = await import('../plans/committee.js')
      await movePlan(trx, planId, ['pending'], 'committee')
      await sendToCommittee(trx, planId, actorId)
    } else {
      await movePlan(trx, planId, ['pending'], 'approved')
    }
  },
  async onRejected({ instance, trx }) {
    await movePlan(trx, Number(instance.businessId), ['pending'], 'rejected')
  },
  async onReturned({ instance, trx }) {
    await movePlan(trx, Number(instance.businessId), ['pending'], 'returned')
  },
  async onWithdrawn({ instance, trx }) {
    await movePlan(trx, Number(instance.businessId), ['pending'], 'withdrawn')
  },
  async onResubmitted({ instance, trx }) {
    await movePlan(trx, Number(instance.businessId), ['returned'], 'pending')
  },
}

export default planHandler
