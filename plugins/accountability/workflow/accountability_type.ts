import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `accountability:case`: the branch's 资产管理部 reviews, the head
| office's 风险管理部 decides. 流程管理 edits the chain afterwards; role codes
| are the demo bank's. The handler moves the case's status.
*/
export const accountabilityWorkflowType: WorkflowTypeDefinition = {
  code: 'accountability:case',
  name: { zh: '责任认定审批', en: 'Accountability approval' },
  handler: () => import('./accountability_handler.js'),
  link: '/p/accountability/Cases?id={businessId}',
  permission: 'accountability:case:list',
  defaultChain: [
    {
      name: { zh: '分行资产管理部审查', en: 'Branch asset management' },
      roles: ['branch_asset_manager'],
      org: 'branch',
      deadlineDays: 3,
    },
    {
      name: { zh: '总行风险管理部审批', en: 'Head-office risk management' },
      roles: ['hq_risk_manager'],
      org: 'head',
      deadlineDays: 5,
    },
  ],
}
