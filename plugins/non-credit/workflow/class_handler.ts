/* The approval's outcome on a reclassification, in the decision's transaction (a throw rolls it back). */
import type { WorkflowHandler } from '#core/plugins/types'
import { decideClass } from '../services/classification.js'

const decide =
  (outcome: Parameters<typeof decideClass>[2]): NonNullable<WorkflowHandler['onApproved']> =>
  ({ instance, trx, actorId }) =>
    decideClass(trx, Number(instance.businessId), outcome, actorId)

const classHandler: WorkflowHandler = {
  onApproved: decide('approved'),
  onRejected: decide('rejected'),
  onReturned: decide('returned'),
  onWithdrawn: decide('withdrawn'),
  onResubmitted: decide('resubmitted'),
}

export default classHandler
