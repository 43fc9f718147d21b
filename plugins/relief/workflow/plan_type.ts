import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 of a relief plan, tiered (授权分级): the branch's 资产管理部 decides
| every plan; from 1,000,000.00 yuan relieved the head office's 风险管理部 too.
| A plan that relieves principal takes `relief:plan-principal`, whose chain
| always ends at the head office (rule 本金减免须总行审批). Chains are installed
| once and edited on 流程管理.
*/
const common = {
  handler: () => import('./plan_handler.js'),
  link: '/p/relief/PlanApply?id={businessId}',
  amountTiers: true,
  permission: 'relief:plan:list',
}

export const planWorkflowType: WorkflowTypeDefinition = {
  ...common,
  code: 'relief:plan',
  name: { zh: '债权减免审批', en: 'Relief approval' },
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

export const principalWorkflowType: WorkflowTypeDefinition = {
  ...common,
  code: 'relief:plan-principal',
  name: { zh: '债权减免审批（含本金）', en: 'Relief approval (principal)' },
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
      deadlineDays: 5,
    },
  ],
}
