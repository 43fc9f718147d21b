/*
| The approval of a form change (core workflow type `system:form-change`):
| a 运维管理员 or 系统管理员 at the head office approves; the workflow never
| makes the applicant an approver, and form_changes.ts refuses an account the
| maker made. Administrators may change the chain in 流程配置.
*/
import { registerWorkflowType } from '#core/workflow/type_registry'
import type { WorkflowHandler } from '#core/plugins/types'
import { CHANGE_TYPE, changeApproved, changeEnded } from './form_changes.js'

const handler: WorkflowHandler = {
  onApproved: ({ trx, instance, actorId }) =>
    changeApproved(trx, Number(instance.businessId), actorId),
  onRejected: ({ trx, instance }) => changeEnded(trx, Number(instance.businessId), 'rejected'),
  onReturned: ({ trx, instance }) => changeEnded(trx, Number(instance.businessId), 'draft'),
  onWithdrawn: ({ trx, instance }) => changeEnded(trx, Number(instance.businessId), 'draft'),
  onResubmitted: ({ trx, instance }) => changeEnded(trx, Number(instance.businessId), 'pending'),
}

export function registerFormChangeType() {
  registerWorkflowType(
    {
      code: CHANGE_TYPE,
      name: { zh: '表单变更', en: 'Form change' },
      handler: async () => ({ default: handler }),
      link: '/forms/designer?change={businessId}',
      permission: 'system:form:list',
      defaultChain: [
        {
          name: { zh: '运维审批', en: 'Operations approval' },
          roles: ['ops_admin', 'admin'],
          org: 'head',
        },
      ],
    },
    'system'
  )
}
