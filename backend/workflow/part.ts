import { definePart } from '#core/plugins/define_part'
import { numericId } from '#core/plugins/route_matchers'

const WorkflowController = () => import('./workflow_controller.js')
const WorkflowChainsController = () => import('./workflow_chains_controller.js')

/*
| 授权及流程: 我的审批 (待办/已办/我发起的, top level, for every signed-in user:
| its permission is in SIGNED_IN_PERMISSIONS, see menu_tree.ts and
| the routes below) and 系统管理 › 流程管理 (approval chains).
|
| /api/workflow/...        — 待办/已办/我发起的 and the approval actions. Like
| /api/notices/mine they need only a signed-in user: holding the task (or being
| the applicant) is the access rule, checked on every instance by the service
| (backend/workflow/instance_detail.ts, actions.ts); an approval that is not
| yours is a 404. A grantable code would let a role created without it block
| the approvers a chain names.
|
| /api/system/workflow/... — 流程管理, each route with its `system:workflow:*` code.
*/
const button = (action: string, zh: string, en: string) => ({
  code: `system:workflow:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `system:workflow:${action}`,
})

export default definePart({
  area: 'workflow',
  prefix: '/api',
  routes(api) {
    const mine = '/workflow'
    api.signedIn.get(`${mine}/tasks`, [WorkflowController, 'tasks'])
    api.signedIn.get(`${mine}/counts`, [WorkflowController, 'counts'])
    api.signedIn.get(`${mine}/types`, [WorkflowController, 'types'])
    api.signedIn.get(`${mine}/users`, [WorkflowController, 'users'])
    api.signedIn.get(`${mine}/instances/:id`, [WorkflowController, 'show']).where('id', numericId)
    for (const [action, method] of [
      ['approve', 'approve'],
      ['reject', 'reject'],
      ['return', 'return'],
      ['transfer', 'transfer'],
      ['add-signer', 'addSigner'],
      ['withdraw', 'withdraw'],
      ['resubmit', 'resubmit'],
    ] as const)
      api.signedIn
        .post(`${mine}/instances/:id/${action}`, [WorkflowController, method])
        .where('id', numericId)
    api.signedIn
      .post(`${mine}/instances/:id/attachments`, [WorkflowController, 'attach'])
      .where('id', numericId)
    api.signedIn
      .get(`${mine}/attachments/:id`, [WorkflowController, 'download'])
      .where('id', numericId)
    api.post(
      `${mine}/external/decision`,
      [WorkflowController, 'externalDecision'],
      'system:workflow:external'
    )

    const chains = '/system/workflow'
    api.get(`${chains}/types`, [WorkflowChainsController, 'index'], 'system:workflow:list')
    api.get(`${chains}/options`, [WorkflowChainsController, 'options'], 'system:workflow:list')
    api.get(`${chains}/types/:code`, [WorkflowChainsController, 'show'], 'system:workflow:list')
    api.put(
      `${chains}/types/:code`,
      [WorkflowChainsController, 'update'],
      'system:workflow:update'
    )
  },
  menus: [
    {
      under: null,
      code: 'system:workflow-tasks',
      type: 'page',
      name: { zh: '我的审批', en: 'My approvals' },
      permission: 'system:workflow:mine',
      page: 'workflow/Tasks',
      path: '/workflow/tasks',
      icon: 'Stamp',
      order: 870,
    },
    {
      under: 'system:root',
      code: 'system:workflow',
      type: 'page',
      name: { zh: '流程管理', en: 'Approval chains' },
      permission: 'system:workflow:list',
      page: 'workflow/Chains',
      path: '/system/workflow',
      icon: 'Share',
      order: 5,
      children: [button('update', '修改审批流程', 'Edit approval chain')],
    },
  ],
  permissions: [
    {
      code: 'system:workflow:monitor',
      name: { zh: '查看辖内审批', en: 'View approvals in scope' },
    },
    {
      code: 'system:workflow:external',
      name: { zh: '录入外部审批结论', en: 'Record external approval decisions' },
    },
  ],
  dictionaries: [
    {
      type: 'workflow_status',
      name: { zh: '审批状态', en: 'Approval status' },
      items: [
        { code: 'pending', label: { zh: '审批中', en: 'In approval' }, color: 'primary', order: 1 },
        { code: 'approved', label: { zh: '已通过', en: 'Approved' }, color: 'success', order: 2 },
        { code: 'rejected', label: { zh: '已否决', en: 'Rejected' }, color: 'danger', order: 3 },
        { code: 'returned', label: { zh: '已退回', en: 'Returned' }, color: 'warning', order: 4 },
        { code: 'withdrawn', label: { zh: '已撤回', en: 'Withdrawn' }, color: 'info', order: 5 },
      ],
    },
    {
      type: 'workflow_task_status',
      name: { zh: '审批任务状态', en: 'Task status' },
      items: [
        { code: 'pending', label: { zh: '待处理', en: 'Pending' }, color: 'primary', order: 1 },
        { code: 'approved', label: { zh: '同意', en: 'Approved' }, color: 'success', order: 2 },
        { code: 'rejected', label: { zh: '否决', en: 'Rejected' }, color: 'danger', order: 3 },
        { code: 'returned', label: { zh: '退回', en: 'Returned' }, color: 'warning', order: 4 },
        {
          code: 'transferred',
          label: { zh: '已转办', en: 'Transferred' },
          color: 'info',
          order: 5,
        },
        { code: 'cancelled', label: { zh: '无需处理', en: 'Not needed' }, color: 'info', order: 6 },
      ],
    },
  ],
})
