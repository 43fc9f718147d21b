import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `restructuring:plan` (重组方案审批), amount = the loans' balance. Default
| chain (流程管理 edits it afterwards): the 分行资产管理部 reviews every plan, the
| 总行风险管理部 decides from 1,000,000.00 yuan up.
*/
export const planWorkflowType: WorkflowTypeDefinition = {
  code: 'restructuring:plan',
  name: { zh: '重组方案审批', en: 'Restructuring plan approval' },
  handler: () => import('./plan_handler.js'),
  link: '/p/restructuring/Plans?id={businessId}',
  amountTiers: true,
  permission: 'restructuring:plan:list',
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
