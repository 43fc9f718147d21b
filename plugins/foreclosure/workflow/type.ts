import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `foreclosure:receipt` (以资抵债审批), amount = 抵债金额. Default chain
| (流程管理 edits it afterwards): the 分行资产管理部 reviews every receipt, the
| 总行风险管理部 decides from 1,000,000.00 yuan up; at or above 参数
| foreclosure.committeeThreshold the 资产处置委员会 follows.
*/
export const foreclosureWorkflowType: WorkflowTypeDefinition = {
  code: 'foreclosure:receipt',
  name: { zh: '以资抵债审批', en: 'Foreclosure approval' },
  handler: () => import('./handler.js'),
  link: '/p/foreclosure/Receipts?id={businessId}',
  amountTiers: true,
  permission: 'foreclosure:receipt:list',
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
