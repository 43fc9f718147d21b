import type { WorkflowTypeDefinition } from '#core/plugins/types'

/*
| 审批流程类型 of 批量处置 (流程管理 edits the chains afterwards). A batch disposal is
| a head-office matter: the 总行风险管理部 decides the 立项 and every 资产包; the
| package amount is its principal, the 立项 amount its target size.
*/
const hq = {
  name: { zh: '总行风险管理部审批', en: 'Head-office risk management' },
  roles: ['hq_risk_manager'],
  org: 'head' as const,
  deadlineDays: 5,
}

export const projectWorkflowType: WorkflowTypeDefinition = {
  code: 'batch-disposal:project',
  name: { zh: '批量处置立项审批', en: 'Batch disposal project approval' },
  handler: () => import('./project_handler.js'),
  link: '/p/batch-disposal/Projects?id={businessId}',
  amountTiers: true,
  permission: 'batch-disposal:project:list',
  defaultChain: [hq],
}

export const packageWorkflowType: WorkflowTypeDefinition = {
  code: 'batch-disposal:package',
  name: { zh: '批量处置方案审批', en: 'Batch disposal package approval' },
  handler: () => import('./package_handler.js'),
  link: '/p/batch-disposal/Plans?package={businessId}',
  amountTiers: true,
  permission: 'batch-disposal:project:list',
  defaultChain: [hq],
}
