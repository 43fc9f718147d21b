/* The workflow's decisions on a 重组方案, in the decision's transaction. */
import type { WorkflowHandler } from '#core/plugins/types'
import { movePlan, startObservation } from '../plans/plan_service.js'

const handler: WorkflowHandler = {
  async onApproved({ instance, trx, actorId }) {
    await startObservation(trx, Number(instance.businessId), actorId ?? null)
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

export default handler
