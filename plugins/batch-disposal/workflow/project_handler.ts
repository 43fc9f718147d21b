/* The workflow's decisions on a 批量处置立项, in the decision's transaction. */
import type { WorkflowHandler } from '#core/plugins/types'
import { advanceStage, moveProject } from '../domain/projects.js'

const handler: WorkflowHandler = {
  async onApproved({ instance, trx }) {
    const id = Number(instance.businessId)
    await moveProject(trx, id, ['pending'], 'approved')
    await advanceStage(trx, id, 'pool')
  },
  async onRejected({ instance, trx }) {
    await moveProject(trx, Number(instance.businessId), ['pending'], 'rejected')
  },
  async onReturned({ instance, trx }) {
    await moveProject(trx, Number(instance.businessId), ['pending'], 'returned')
  },
  async onWithdrawn({ instance, trx }) {
    await moveProject(trx, Number(instance.businessId), ['pending'], 'withdrawn')
  },
  async onResubmitted({ instance, trx }) {
    await moveProject(trx, Number(instance.businessId), ['returned'], 'pending')
  },
}

export default handler
