import { definePlugin } from '#core/plugins/define_plugin'

/*
| 日常检查 (spec §2.2, via 智能贷后):
| - 检查计划: 定期检查 plans (frequency by five-class and balance band) generating
|   one task per customer and period for its responsible manager (job
|   inspections:generate-tasks, daily and on demand), due at the period's end on
|   the holiday calendar and reminded through the core deadline engine; the
|   configurable checklists of the five items (经营情况, 资产情况, 贷款情况, 还款意愿,
|   送达地址核查) with the points that require evidence;
| - 检查任务: 定期 and 非定期 tasks, their results with photos on the 影像平台,
|   findings raising 消息 and reclassification proposals;
| - 批量检查: individual / online-loan customers picked by filter and sent to
|   智能贷后 as one batch (job inspections:run-batch, progress in the console),
|   results matched per customer, failed checks retried, never doubled.
| Menus under 日常管理 (customer-view's directory).
*/
const Plans = () => import('./controllers/plans_controller.js')
const Tasks = () => import('./controllers/tasks_controller.js')
const Batches = () => import('./controllers/batches_controller.js')
const Customer = () => import('./controllers/customer_controller.js')
const L = (zh: string, en: string) => ({ zh, en })

export default definePlugin({
  id: 'inspections',
  name: L('日常检查', 'Inspections'),
  version: '0.1.0',
  description: L(
    '定期与非定期检查、检查清单与影像、智能贷后批量检查',
    'Periodic and ad hoc post-loan checks, checklists with evidence, batch checks via the post-loan system'
  ),
  dependsOn: ['credit-assets', 'bank-systems', 'customer-view'],

  routes(router) {
    router.get('/plans', [Plans, 'index'], 'inspections:plan:list')
    router.post('/plans', [Plans, 'store'], 'inspections:plan:update')
    router.put('/plans/:id', [Plans, 'update'], 'inspections:plan:update')
    router.post('/plans/:id/generate', [Plans, 'generate'], 'inspections:plan:update')
    router.get('/checklists', [Plans, 'checklists'], 'inspections:task:list')
    router.put('/checklists/:item', [Plans, 'saveChecklist'], 'inspections:plan:update')

    router.get('/tasks', [Tasks, 'index'], 'inspections:task:list')
    router.get('/tasks/:id', [Tasks, 'show'], 'inspections:task:list')
    router.post('/tasks', [Tasks, 'store'], 'inspections:task:create')
    router.post('/tasks/:id/result', [Tasks, 'result'], 'inspections:result:create')
    router.post('/tasks/:id/evidence', [Tasks, 'upload'], 'inspections:result:create')

    router.get('/batches', [Batches, 'index'], 'inspections:batch:list')
    router.post('/batches/preview', [Batches, 'preview'], 'inspections:batch:create')
    router.post('/batches', [Batches, 'store'], 'inspections:batch:create')
    router.get('/batches/:id', [Batches, 'show'], 'inspections:batch:list')
    router.get('/batches/:id/items', [Batches, 'items'], 'inspections:batch:list')
    router.post('/batches/:id/retry', [Batches, 'retry'], 'inspections:batch:create')

    router.get('/customers/:customerId/results', [Customer, 'results'], 'inspections:task:list')
  },

  slots: [
    {
      slot: 'customer-view:customer-panels',
      id: 'customer-inspections',
      title: L('日常检查', 'Inspections'),
      component: 'inspections/slots/CustomerInspectionsPanel',
      permission: 'inspections:task:list',
      order: 25,
    },
  ],

  menus: [
    {
      code: 'inspections:root',
      type: 'directory',
      parent: 'customer-view:daily',
      order: 20,
      icon: 'Checked',
      name: L('日常检查', 'Inspections'),
      children: [
        {
          code: 'inspections:plans',
          type: 'page',
          name: L('检查计划', 'Check plans'),
          permission: 'inspections:plan:list',
          page: 'inspections/Plans',
          icon: 'Calendar',
          children: [
            {
              code: 'inspections:plan:update',
              type: 'button',
              name: L('维护计划与清单', 'Edit plans and checklists'),
              permission: 'inspections:plan:update',
            },
          ],
        },
        {
          code: 'inspections:tasks',
          type: 'page',
          name: L('检查任务', 'Check tasks'),
          permission: 'inspections:task:list',
          page: 'inspections/Tasks',
          icon: 'List',
          children: [
            {
              code: 'inspections:task:create',
              type: 'button',
              name: L('非定期检查', 'Ad hoc check'),
              permission: 'inspections:task:create',
            },
            {
              code: 'inspections:result:create',
              type: 'button',
              name: L('登记检查结果', 'Record result'),
              permission: 'inspections:result:create',
            },
          ],
        },
        {
          code: 'inspections:batches',
          type: 'page',
          name: L('批量检查', 'Batch checks'),
          permission: 'inspections:batch:list',
          page: 'inspections/Batches',
          icon: 'Files',
          children: [
            {
              code: 'inspections:batch:create',
              type: 'button',
              name: L('发起批量检查', 'Start batch check'),
              permission: 'inspections:batch:create',
            },
          ],
        },
      ],
    },
  ],

  dictionaries: [
    {
      type: 'inspections_item',
      name: L('检查事项', 'Check item'),
      items: [
        { code: 'operation', label: L('经营情况', 'Operations') },
        { code: 'assets', label: L('资产情况', 'Assets') },
        { code: 'loan', label: L('贷款情况', 'Loans') },
        { code: 'willingness', label: L('还款意愿', 'Willingness to repay') },
        { code: 'address', label: L('送达地址核查', 'Service address') },
      ],
    },
    {
      type: 'inspections_frequency',
      name: L('检查频率', 'Check frequency'),
      items: [
        { code: 'monthly', label: L('每月', 'Monthly') },
        { code: 'quarterly', label: L('每季', 'Quarterly') },
        { code: 'semiannual', label: L('每半年', 'Half-yearly') },
        { code: 'annual', label: L('每年', 'Yearly') },
      ],
    },
    {
      type: 'inspections_task_kind',
      name: L('检查类型', 'Check kind'),
      items: [
        { code: 'periodic', label: L('定期检查', 'Periodic'), color: 'primary' },
        { code: 'adhoc', label: L('非定期检查', 'Ad hoc'), color: 'warning' },
      ],
    },
    {
      type: 'inspections_task_status',
      name: L('检查任务状态', 'Check task status'),
      items: [
        { code: 'open', label: L('待检查', 'Open'), color: 'warning' },
        { code: 'done', label: L('已完成', 'Done'), color: 'success' },
      ],
    },
    {
      type: 'inspections_finding',
      name: L('检查结论', 'Finding'),
      items: [
        { code: 'normal', label: L('正常', 'Normal'), color: 'success' },
        { code: 'attention', label: L('关注', 'Attention'), color: 'warning' },
        { code: 'risk', label: L('风险', 'Risk'), color: 'danger' },
      ],
    },
    {
      type: 'inspections_batch_status',
      name: L('批量检查状态', 'Batch status'),
      items: [
        { code: 'queued', label: L('排队中', 'Queued'), color: 'info' },
        { code: 'running', label: L('执行中', 'Running'), color: 'primary' },
        { code: 'completed', label: L('已完成', 'Completed'), color: 'success' },
        { code: 'incomplete', label: L('未完成', 'Incomplete'), color: 'danger' },
      ],
    },
    {
      type: 'inspections_batch_item_status',
      name: L('批量检查明细状态', 'Batch item status'),
      items: [
        { code: 'pending', label: L('待发送', 'Pending'), color: 'info' },
        { code: 'submitted', label: L('检查中', 'Checking'), color: 'primary' },
        { code: 'retry', label: L('待重试', 'To retry'), color: 'warning' },
        { code: 'done', label: L('已完成', 'Done'), color: 'success' },
        { code: 'failed', label: L('失败', 'Failed'), color: 'danger' },
      ],
    },
  ],

  messageTypes: [
    {
      type: 'inspections.finding',
      name: L('日常检查发现风险', 'Inspection finding'),
      channels: ['inapp', 'email'],
      optional: ['email'],
    },
  ],

  jobs: [
    {
      name: 'inspections:generate-tasks',
      handler: () => import('./jobs/generate_tasks.js'),
      schedule: '30 6 * * *',
    },
    { name: 'inspections:run-batch', handler: () => import('./jobs/run_batch.js'), attempts: 1, lane: 'batch' },
  ],
})
