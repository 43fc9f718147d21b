/* The workflow's decisions on a 无追索权认定, in the decision's transaction. */
import type { WorkflowHandler } from '#core/plugins/types'
import { decideNoRecourse } from '../no_recourse/no_recourse_service.js'

const id = (instance: { businessId: string }) => Number(instance.businessId)

const noRecourseHandler: WorkflowHandler = {
  onApproved: ({ instance, trx }) => decideNoRecourse(trx, id(instance), 'approved'),
  onRejected: ({ instance, trx }) => decideNoRecourse(trx, id(instance), 'rejected'),
  onReturned: ({ instance, trx }) => decideNoRecourse(trx, id(instance), 'returned'),
  onWithdrawn: ({ instance, trx }) => decideNoRecourse(trx, id(instance), 'withdrawn'),
  onResubmitted: ({ instance, trx }) => decideNoRecourse(trx, id(instance), 'pending'),
}

export default noRecourseHandler
