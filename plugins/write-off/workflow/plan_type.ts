import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `write-off:plan` (核销方案审批). Default chain (installed once;
| 流程管理 edits it afterwards): the 分行资产管理部 reviews every plan, the
| 总行风险管理部 decides from 1,000,000.00 yuan of total up. A plan at or above
| 参数 write-off.committeeThreshold then goes to the 资产处置委员会.
*/
export const planWorkflowType: WorkflowTypeDefinition = {
  code: 'write-off:plan',
  name: { zh: '核销方案审批', en: 'Write-off plan approval' },
  handler: () => import('./plan_handler.js'),
  link: '/p/write-off/Replies?id={businessId}',
  amountTiers: true,
  permission: 'write-off:plan:list',
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
      minAmount: '1000000.00',
      deadlineDays: 5,
    },
  ],
}

/* 无追索权认定 (`write-off:no-recourse`): the head office's risk management decides. */
export const noRecourseWorkflowType: WorkflowTypeDefinition = {
  code: 'write-off:no-recourse',
  name: { zh: '无追索权认定审批', en: 'No-recourse determination' },
  handler: () => import('./no_recourse_handler.js'),
  link: '/p/write-off/NoRecourse?id={businessId}',
  permission: 'write-off:no-recourse:list',
  defaultChain: [
    {
      name: { zh: '分行资产管理部审查', en: 'Branch asset management' },
      roles: ['branch_asset_manager'],
      org: 'branch',
      deadlineDays: 3,
    },
    {
      name: { zh: '总行风险管理部认定', en: 'Head-office risk management' },
      roles: ['hq_risk_manager'],
      org: 'head',
      deadlineDays: 5,
    },
  ],
}
