import type { WorkflowHandler } from '#core/plugins/types'
import { decideLitPlan, resubmitLitPlan } from '../plans/plan_service.js'

/* The workflow's decisions on a 诉前方案, inside the decision's transaction. */
const planHandler: WorkflowHandler = {
  onApproved: ({ instance, trx, actorId }) =>
    decideLitPlan(trx, Number(instance.businessId), 'approved', actorId),
  onRejected: ({ instance, trx, actorId }) =>
    decideLitPlan(trx, Number(instance.businessId), 'rejected', actorId),
  onReturned: ({ instance, trx, actorId }) =>
    decideLitPlan(trx, Number(instance.businessId), 'returned', actorId),
  onWithdrawn: ({ instance, trx, actorId }) =>
    decideLitPlan(trx, Number(instance.businessId), 'withdrawn', actorId),
  onResubmitted: ({ instance, trx, actorId }) =>
    resubmitLitPlan(trx, Number(instance.businessId), actorId),
}

export default planHandler
