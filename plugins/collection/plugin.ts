import { definePlugin } from '#core/plugins/define_plugin'
import { outsourcingLedger } from './ledgers/outsourcing_ledger.js'

/*
| 催收管理 (via 智能催收) and 委外清收 (spec §2 日常管理):
| - a collection item (电话, 信函, 上门, 律师函, 公告) for a customer's loans goes to
|   智能催收 through the outbox (exactly once in effect); its 催收记录 come back
|   (job collection:sync-records) with their proof, and a record with proof is
|   registered as a 时效 interruption through disposal's limitation API;
| - 委外清收: agencies, assignments of accounts for a period with a target, the
|   confirmed recoveries (recoveries plugin) attributed with their commission,
|   paid through the expenses plugin; 委外清收台账 under 台账管理.
| Menus under 日常管理 (customer-view's directory).
*/
const Items = () => import('./controllers/items_controller.js')
const Outsourcing = () => import('./controllers/outsourcing_controller.js')
const L = (zh: string, en: string) => ({ zh, en })

export default definePlugin({
  id: 'collection',
  name: L('催收管理', 'Collection'),
  version: '0.1.0',
  description: L(
    '发起催收（智能催收）、催收记录与时效中断登记、委外清收机构、委托、回款归集与佣金',
    'Collection items via the collection system, records and limitation interruption, outsourced collection and commissions'
  ),
  dependsOn: [
    'credit-assets',
    'bank-systems',
    'disposal',
    'customer-view',
    'recoveries',
    'expenses',
  ],

  routes(router) {
    router.get('/items', [Items, 'index'], 'collection:item:list')
    router.post('/items', [Items, 'store'], 'collection:item:create')
    router.post('/items/sync', [Items, 'sync'], 'collection:item:create')
    router.get('/records', [Items, 'records'], 'collection:item:list')
    router.post('/records/:id/register', [Items, 'register'], 'collection:record:register')

    router.get('/agencies', [Outsourcing, 'agencies'], 'collection:agency:list')
    router.get('/agencies/:id', [Outsourcing, 'agency'], 'collection:agency:list')
    router.post('/agencies', [Outsourcing, 'storeAgency'], 'collection:agency:create')
    router.put('/agencies/:id', [Outsourcing, 'updateAgency'], 'collection:agency:update')
    router.get('/assignments', [Outsourcing, 'assignments'], 'collection:agency:list')
    router.post('/assignments', [Outsourcing, 'storeAssignment'], 'collection:assignment:create')
    router.get(
      '/assignments/:id/commissions',
      [Outsourcing, 'commissions'],
      'collection:agency:list'
    )
    router.post(
      '/assignments/:id/attribute',
      [Outsourcing, 'attribute'],
      'collection:assignment:create'
    )
    router.post('/assignments/:id/pay', [Outsourcing, 'pay'], 'collection:commission:pay')
  },

  permissions: [
    {
      code: 'collection:ledger:list',
      name: L('查看委外清收台账', 'View the outsourced collection ledger'),
    },
    {
      code: 'collection:ledger:export',
      name: L('导出委外清收台账', 'Export the outsourced collection ledger'),
    },
  ],

  menus: [
    {
      code: 'collection:root',
      type: 'directory',
      parent: 'customer-view:daily',
      order: 30,
      icon: 'Phone',
      name: L('催收管理', 'Collection'),
      children: [
        {
          code: 'collection:items',
          type: 'page',
          name: L('催收任务', 'Collection items'),
          permission: 'collection:item:list',
          page: 'collection/Items',
          icon: 'Phone',
          children: [
            {
              code: 'collection:item:create',
              type: 'button',
              name: L('发起催收', 'Start'),
              permission: 'collection:item:create',
            },
            {
              code: 'collection:record:register',
              type: 'button',
              name: L('登记时效中断', 'Register interruption'),
              permission: 'collection:record:register',
            },
          ],
        },
        {
          code: 'collection:outsourcing',
          type: 'page',
          name: L('委外清收', 'Outsourced collection'),
          permission: 'collection:agency:list',
          page: 'collection/Outsourcing',
          icon: 'OfficeBuilding',
          children: [
            {
              code: 'collection:agency:create',
              type: 'button',
              name: L('新增机构', 'New agency'),
              permission: 'collection:agency:create',
            },
            {
              code: 'collection:agency:update',
              type: 'button',
              name: L('编辑机构', 'Edit agency'),
              permission: 'collection:agency:update',
            },
            {
              code: 'collection:assignment:create',
              type: 'button',
              name: L('委托与归集', 'Assign and attribute'),
              permission: 'collection:assignment:create',
            },
            {
              code: 'collection:commission:pay',
              type: 'button',
              name: L('支付佣金', 'Pay commission'),
              permission: 'collection:commission:pay',
            },
          ],
        },
      ],
    },
  ],

  dictionaries: [
    {
      type: 'collection_method',
      name: L('催收方式', 'Collection method'),
      items: [
        { code: 'phone', label: L('电话催收', 'Phone') },
        { code: 'letter', label: L('信函催收', 'Letter') },
        { code: 'visit', label: L('上门催收', 'Visit') },
        { code: 'lawyer_letter', label: L('律师函', "Lawyer's letter") },
        { code: 'announcement', label: L('公告催收', 'Public announcement') },
      ],
    },
    {
      type: 'collection_item_status',
      name: L('催收任务状态', 'Collection item status'),
      items: [
        { code: 'sent', label: L('已发送', 'Sent'), color: 'primary' },
        { code: 'recorded', label: L('已反馈', 'Recorded'), color: 'success' },
      ],
    },
    {
      type: 'collection_agency_status',
      name: L('委外机构状态', 'Agency status'),
      items: [
        { code: 'active', label: L('合作中', 'Active'), color: 'success' },
        { code: 'suspended', label: L('已暂停', 'Suspended'), color: 'info' },
      ],
    },
    {
      type: 'collection_commission_status',
      name: L('佣金状态', 'Commission status'),
      items: [
        { code: 'accrued', label: L('已计提', 'Accrued'), color: 'warning' },
        // Sent to 费用管理 as an expense (its own approval, payment and posting follow there).
        { code: 'claimed', label: L('已申请支付', 'Payment requested'), color: 'success' },
      ],
    },
  ],

  jobs: [
    {
      name: 'collection:sync-records',
      handler: () => import('./jobs/sync_records.js'),
      schedule: '*/15 * * * *',
    },
  ],

  ledgers: [outsourcingLedger],
})
