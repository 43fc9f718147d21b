/*
| The workflow's decisions on an expense, in the decision's own transaction: an
| expense that cannot take the decision (not under approval, gone) throws and
| the workflow rolls its decision back too.
*/
import type { WorkflowHandler } from '#core/plugins/types'
import { decideExpense } from '../expense/expense_write.js'

const expenseHandler: WorkflowHandler = {
  onApproved: ({ instance, trx, actorId }) =>
    decideExpense(trx, Number(instance.businessId), 'approved', actorId),
  onRejected: ({ instance, trx, actorId }) =>
    decideExpense(trx, Number(instance.businessId), 'rejected', actorId),
  onReturned: ({ instance, trx, actorId }) =>
    decideExpense(trx, Number(instance.businessId), 'returned', actorId),
  onWithdrawn: ({ instance, trx, actorId }) =>
    decideExpense(trx, Number(instance.businessId), 'withdrawn', actorId),
  onResubmitted: ({ instance, trx, actorId }) =>
    decideExpense(trx, Number(instance.businessId), 'applied', actorId),
}

export default expenseHandler
