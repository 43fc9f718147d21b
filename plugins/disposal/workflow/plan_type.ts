import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `disposal:plan`. The default chain (installed once; 流程管理
| edits it afterwards): the 分行资产管理部 decides every plan; plans whose
| principal (债权本金) is at least the 授权 tier — 1,000,000.00 yuan by default,
| changed on the chain's second node — go on to the 总行风险管理部. Role codes
| are the demo bank's; a bank points the nodes at its own roles or posts.
*/
export const planWorkflowType: WorkflowTypeDefinition = {
  code: 'disposal:plan',
  name: { zh: '处置预案审批', en: 'Disposal plan approval' },
  handler: () => import('./plan_handler.js'),
  link: '/p/disposal/PlanQuery?id={businessId}',
  amountTiers: true,
  // 转办/加签 only to people who may read the plan, within their data scope.
  permission: 'disposal:plan:list',
  defaultChain: [
    {
      name: { zh: '分行资产管理部审批', en: 'Branch asset management' },
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
