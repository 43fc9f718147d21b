import type { WorkflowHandler } from '#core/plugins/types'
import { decideProceeding } from '../proceedings/proceeding_service.js'

/* The workflow's decisions on a 诉中方案, inside the decision's transaction. */
const proceedingHandler: WorkflowHandler = {
  onApproved: ({ instance, trx, actorId }) =>
    decideProceeding(trx, Number(instance.businessId), 'approved', actorId),
  onRejected: ({ instance, trx, actorId }) =>
    decideProceeding(trx, Number(instance.businessId), 'rejected', actorId),
  onReturned: ({ instance, trx, actorId }) =>
    decideProceeding(trx, Number(instance.businessId), 'returned', actorId),
  onWithdrawn: ({ instance, trx, actorId }) =>
    decideProceeding(trx, Number(instance.businessId), 'withdrawn', actorId),
  onResubmitted: ({ instance, trx, actorId }) =>
    decideProceeding(trx, Number(instance.businessId), 'pending', actorId),
}

export default proceedingHandler
