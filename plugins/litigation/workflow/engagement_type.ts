import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `litigation:engagement` (律师选聘审批): the 分行资产管理部 decides; an
| estimated fee (under the agreement, on the expected recovery) of 100,000.00 yuan or
| more also needs the 总行风险管理部 (授权 tier, changed on 流程管理).
*/
export const engagementWorkflowType: WorkflowTypeDefinition = {
  code: 'litigation:engagement',
  name: { zh: '律师选聘审批', en: 'Lawyer engagement approval' },
  handler: () => import('./engagement_handler.js'),
  link: '/p/litigation/lawyers/Engagements?id={businessId}',
  amountTiers: true,
  permission: 'litigation:engagement:list',
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
      minAmount: '100000.00',
      deadlineDays: 5,
    },
  ],
}
