import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `foreclosed-assets:disposal`: 出售, 转固 and 列损 of a foreclosed
| asset, the amount being its 入账价值. Default chain (流程管理 edits it): the
| 分行资产管理部 decides; from 1,000,000.00 yuan the 总行风险管理部 too. After
| approval, the committee threshold may send it to the 资产处置委员会.
*/
export const disposalWorkflowType: WorkflowTypeDefinition = {
  code: 'foreclosed-assets:disposal',
  name: { zh: '抵债资产处置审批', en: 'Foreclosed asset disposal' },
  handler: () => import('./disposal_handler.js'),
  link: '/p/foreclosed-assets/DisposalSales?id={businessId}',
  amountTiers: true,
  permission: 'foreclosed-assets:disposal:list',
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
