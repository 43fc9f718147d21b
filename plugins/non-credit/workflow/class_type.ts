import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `non-credit:classification`: a clerk's change of a non-credit
| asset's five-level class. Default chain (installed once; 流程管理 edits it):
| the 分行资产管理部 decides; from a book value of 10,000,000.00 yuan the
| 总行风险管理部 too. The link opens the asset with its history.
*/
export const classificationWorkflowType: WorkflowTypeDefinition = {
  code: 'non-credit:classification',
  name: { zh: '非信贷资产分类调整', en: 'Non-credit reclassification' },
  handler: () => import('./class_handler.js'),
  link: '/p/non-credit/NonCreditAssets?change={businessId}',
  amountTiers: true,
  permission: 'non-credit:asset:list',
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
      minAmount: '10000000.00',
      deadlineDays: 5,
    },
  ],
}
