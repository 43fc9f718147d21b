/*
| The workflow's decisions on a disposal application, in the decision's own
| transaction: an application that cannot take the decision throws and the
| workflow rolls its decision back too.
*/
import type { WorkflowHandler } from '#core/plugins/types'
import { workflowDecided } from '../disposal/disposal_service.js'

const handler: WorkflowHandler = {
  onApproved: ({ instance, trx, actorId }) =>
    workflowDecided(trx, Number(instance.businessId), 'approved', actorId),
  onRejected: ({ instance, trx, actorId }) =>
    workflowDecided(trx, Number(instance.businessId), 'rejected', actorId),
  onReturned: ({ instance, trx, actorId }) =>
    workflowDecided(trx, Number(instance.businessId), 'returned', actorId),
  onWithdrawn: ({ instance, trx, actorId }) =>
    workflowDecided(trx, Number(instance.businessId), 'withdrawn', actorId),
  onResubmitted: ({ instance, trx, actorId }) =>
    workflowDecided(trx, Number(instance.businessId), 'applied', actorId),
}

export default handler
