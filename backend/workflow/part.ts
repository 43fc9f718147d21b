import type { ManifestPart } from '#core/system/parts/part'

/*
| 授权及流程: 我的审批 (待办/已办/我发起的, top level, for every signed-in user:
| its permission is in SIGNED_IN_PERMISSIONS, see menu_tree.ts and
| backend/workflow/routes.ts) and 系统管理 › 流程管理 (approval chains).
*/
const button = (action: string, zh: string, en: string) => ({
  code: `system:workflow:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `system:workflow:${action}`,
})

const part: ManifestPart = {
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
}

export default part
