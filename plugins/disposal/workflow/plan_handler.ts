/*
| The workflow's decisions on a 处置预案, applied in the decision's own
| transaction: if the plan cannot take the decision (it is not pending, it is
| gone) this throws and the workflow rolls its decision back too.
*/
import type { WorkflowHandler } from '#core/plugins/types'
import { decidePlan, resubmitPlan } from '../plans/plan_service.js'

const planHandler: WorkflowHandler = {
  onApproved: ({ instance, trx, actorId }) =>
    decidePlan(trx, Number(instance.businessId), 'approved', actorId),
  onRejected: ({ instance, trx, actorId }) =>
    decidePlan(trx, Number(instance.businessId), 'rejected', actorId),
  onReturned: ({ instance, trx, actorId }) =>
    decidePlan(trx, Number(instance.businessId), 'returned', actorId),
  onWithdrawn: ({ instance, trx, actorId }) =>
    decidePlan(trx, Number(instance.businessId), 'withdrawn', actorId),
  onResubmitted: ({ instance, trx, actorId }) =>
    resubmitPlan(trx, Number(instance.businessId), actorId),
}

export default planHandler
