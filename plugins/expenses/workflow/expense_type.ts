import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `expenses:expense`: an expense above the 审批金额 parameter
| (expenses.approvalThreshold; up to it the application is approved on
| submission). The default chain (installed once; 流程管理 edits it): the
| 分行资产管理部 decides; from 500,000.00 yuan the 总行风险管理部 too. Role
| codes are the demo bank's; a bank points the nodes at its own roles or posts.
*/
export const expenseWorkflowType: WorkflowTypeDefinition = {
  code: 'expenses:expense',
  name: { zh: '费用审批', en: 'Expense approval' },
  handler: () => import('./expense_handler.js'),
  link: '/p/expenses/ExpensePage?id={businessId}',
  amountTiers: true,
  permission: 'expenses:expense:list',
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
      minAmount: '500000.00',
      deadlineDays: 5,
    },
  ],
}
