import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `relief:plan`, a tiered approval (授权分级): the branch's
| 资产管理部 decides every plan; one of 1,000,000.00 yuan or more goes on to
| the head office's 风险管理部. This chain is installed once; 流程管理 edits it
| afterwards (roles, tiers, 时限). Role codes are the demo bank's: a bank points
| the nodes at its own roles or posts. The handler moves the record's status.
*/
export const planWorkflowType: WorkflowTypeDefinition = {
  code: 'relief:plan',
  name: { zh: '债权减免审批', en: 'Relief approval' },
  handler: () => import('./plan_handler.js'),
  // Where 我的审批 links: the record itself.
  link: '/p/relief/PlanPage?id={businessId}',
  amountTiers: true,
  // 转办/加签 only to people who may read the record, within their data scope.
  permission: 'relief:plan:list',
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
