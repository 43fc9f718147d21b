import type { WorkflowHandler } from '#core/plugins/types'
import { decideEngagement } from '../lawyers/engagement_service.js'

/* The workflow's decisions on a 律师选聘申请, inside the decision's transaction. */
const engagementHandler: WorkflowHandler = {
  onApproved: ({ instance, trx, actorId }) =>
    decideEngagement(trx, Number(instance.businessId), 'approved', actorId),
  onRejected: ({ instance, trx, actorId }) =>
    decideEngagement(trx, Number(instance.businessId), 'rejected', actorId),
  onReturned: ({ instance, trx, actorId }) =>
    decideEngagement(trx, Number(instance.businessId), 'returned', actorId),
  onWithdrawn: ({ instance, trx, actorId }) =>
    decideEngagement(trx, Number(instance.businessId), 'withdrawn', actorId),
  onResubmitted: ({ instance, trx, actorId }) =>
    decideEngagement(trx, Number(instance.businessId), 'pending', actorId),
}

export default engagementHandler
