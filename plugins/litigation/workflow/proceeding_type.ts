import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `litigation:proceeding` (诉中方案审批): the 分行资产管理部 decides; a plan
| amount (和解/调解 sum, amount appealed or preserved) of 1,000,000.00 yuan or more also
| needs the 总行风险管理部 (授权 tier, changed on 流程管理).
*/
export const proceedingWorkflowType: WorkflowTypeDefinition = {
  code: 'litigation:proceeding',
  name: { zh: '诉中方案审批', en: 'In-proceedings plan approval' },
  handler: () => import('./proceeding_handler.js'),
  link: '/p/litigation/proceedings/Proceedings?id={businessId}',
  amountTiers: true,
  permission: 'litigation:proceeding:list',
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
