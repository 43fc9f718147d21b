import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `transfer:application` (债权转让审批), amount = the loans' book value
| (本金 + 表内利息). Default chain (流程管理 edits it afterwards): the 分行资产管理部
| reviews every application, the 总行风险管理部 decides from 1,000,000.00 yuan up;
| at or above 参数 transfer.committeeThreshold the 资产处置委员会 follows.
*/
export const transferWorkflowType: WorkflowTypeDefinition = {
  code: 'transfer:application',
  name: { zh: '债权转让审批', en: 'Claim transfer approval' },
  handler: () => import('./handler.js'),
  link: '/p/transfer/Applications?id={businessId}',
  amountTiers: true,
  permission: 'transfer:application:list',
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
