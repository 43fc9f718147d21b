import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 `gen-probe-notes:note`, a tiered approval (授权分级): the branch's
| 资产管理部 decides every note; one of 1,000,000.00 yuan or more goes on to
| the head office's 风险管理部. This chain is installed once; 流程管理 edits it
| afterwards (roles, tiers, 时限). Role codes are the demo bank's: a bank points
| the nodes at its own roles or posts. The handler moves the record's status.
*/
export const noteWorkflowType: WorkflowTypeDefinition = {
  code: 'gen-probe-notes:note',
  name: { zh: '生成测试审批', en: 'Gen Probe Notes approval' },
  handler: () => import('./note_handler.js'),
  // Where 我的审批 links: the record itself.
  link: '/p/gen-probe-notes/NotePage?id={businessId}',
  amountTiers: true,
  // 转办/加签 only to people who may read the record, within their data scope.
  permission: 'gen-probe-notes:note:list',
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
