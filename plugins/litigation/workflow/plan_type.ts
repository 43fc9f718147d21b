import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `litigation:plan` (诉前方案审批). The default chain (installed once; 流程管理
| edits it afterwards) follows disposal's: the 分行资产管理部 decides every plan; plans
| whose 申请日标的金额 is at least the 授权 tier — 1,000,000.00 yuan by default, changed on
| the second node — go on to the 总行风险管理部. Role codes are the demo bank's.
*/
export const litPlanWorkflowType: WorkflowTypeDefinition = {
  code: 'litigation:plan',
  name: { zh: '诉前方案审批', en: 'Pre-litigation plan approval' },
  handler: () => import('./plan_handler.js'),
  link: '/p/litigation/plans/PlanQuery?id={businessId}',
  amountTiers: true,
  // 转办/加签 only to people who may read the plan, within their data scope.
  permission: 'litigation:plan:list',
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
