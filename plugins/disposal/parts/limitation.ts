import { definePart } from '#core/plugins/define_part'

/*
| 时效管理 (limitation periods): the risk assets with their limitation dates and
| events, the configurable rules, the reminder offsets, and the daily recompute
| that feeds the core reminder engine (deadline kind `disposal:limitation`).
| plugin.ts merges every parts/*.ts into the disposal manifest.
*/
const Limitation = () => import('../controllers/limitation_controller.js')
const Rules = () => import('../controllers/limitation_rules_controller.js')

const button = (action: string, zh: string, en: string) => ({
  code: `disposal:limitation:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `disposal:limitation:${action}`,
})

const part = definePart({
  routes(router) {
    router.get('/limitation/assets', [Limitation, 'index'], 'disposal:limitation:list')
    router.get('/limitation/loans/:id', [Limitation, 'show'], 'disposal:limitation:list')
    router.post(
      '/limitation/loans/:id/events',
      [Limitation, 'storeEvent'],
      'disposal:limitation:event'
    )
    router.post(
      '/limitation/events/:id/review',
      [Limitation, 'review'],
      'disposal:limitation:review'
    )
    router.get('/limitation/rules', [Rules, 'index'], 'disposal:limitation-rule:list')
    router.put('/limitation/rules/:id', [Rules, 'update'], 'disposal:limitation-rule:update')
  },
  permissions: [],
  menus: [
    {
      code: 'disposal:limitation',
      type: 'page',
      name: { zh: '时效管理', en: 'Limitation Periods' },
      permission: 'disposal:limitation:list',
      page: 'disposal/LimitationAssets',
      icon: 'Timer',
      order: 20,
      children: [
        button('event', '登记时效事件', 'Register event'),
        button('review', '法律审核', 'Legal review'),
      ],
    },
    {
      code: 'disposal:limitation-rules',
      type: 'page',
      name: { zh: '时效规则', en: 'Limitation Rules' },
      permission: 'disposal:limitation-rule:list',
      page: 'disposal/LimitationRules',
      icon: 'Reading',
      order: 21,
      children: [
        {
          code: 'disposal:limitation-rule:update',
          type: 'button',
          name: { zh: '修改时效规则', en: 'Edit rule' },
          permission: 'disposal:limitation-rule:update',
        },
      ],
    },
  ],
  dictionaries: [
    {
      type: 'disposal_limitation_event_type',
      name: { zh: '时效事件类型', en: 'Limitation event type' },
      items: [
        { code: 'collection', label: { zh: '催收', en: 'Collection' }, order: 1 },
        { code: 'acknowledgement', label: { zh: '债务人承认', en: 'Acknowledgement' }, order: 2 },
        { code: 'lawsuit', label: { zh: '起诉', en: 'Lawsuit' }, order: 3 },
        { code: 'arbitration', label: { zh: '申请仲裁', en: 'Arbitration' }, order: 4 },
        { code: 'suspension', label: { zh: '中止事由', en: 'Suspension' }, order: 5 },
        { code: 'judgment', label: { zh: '判决/裁决生效', en: 'Judgment' }, order: 6 },
        {
          code: 'enforcement_application',
          label: { zh: '申请执行', en: 'Enforcement application' },
          order: 7,
        },
        {
          code: 'guarantor_claim',
          label: { zh: '向保证人主张权利', en: 'Claim on guarantor' },
          order: 8,
        },
      ],
    },
    {
      type: 'disposal_limitation_status',
      name: { zh: '时效状态', en: 'Limitation status' },
      items: [
        { code: 'running', label: { zh: '进行中', en: 'Running' }, color: 'success', order: 1 },
        { code: 'expired', label: { zh: '已届满', en: 'Expired' }, color: 'danger', order: 2 },
        { code: 'suspended', label: { zh: '中止中', en: 'Suspended' }, color: 'warning', order: 3 },
        { code: 'closed', label: { zh: '已终结', en: 'Closed' }, color: 'info', order: 4 },
        { code: 'exercised', label: { zh: '已行使', en: 'Exercised' }, color: 'primary', order: 5 },
      ],
    },
    {
      type: 'disposal_limitation_effect',
      name: { zh: '时效事件效力', en: 'Event effect' },
      items: [
        { code: 'interrupt', label: { zh: '中断', en: 'Interrupts' }, color: 'success', order: 1 },
        { code: 'suspend', label: { zh: '中止', en: 'Suspends' }, color: 'warning', order: 2 },
        { code: 'waiver', label: { zh: '放弃时效抗辩', en: 'Waiver' }, color: 'danger', order: 3 },
        {
          code: 'judgment',
          label: { zh: '转入执行时效', en: 'Judgment' },
          color: 'primary',
          order: 4,
        },
        { code: 'claim', label: { zh: '已主张', en: 'Claimed' }, color: 'primary', order: 5 },
        { code: 'none', label: { zh: '无效力', en: 'No effect' }, color: 'info', order: 6 },
      ],
    },
  ],
  settings: [
    {
      key: 'disposal.limitation.reminderOffsets',
      name: { zh: '时效届满提醒提前工作日', en: 'Limitation reminder offsets (working days)' },
      type: 'json',
      default: '[30,7,1]',
      description: '时效届满前按这些工作日数提醒（站内信、邮件、短信），例如 [30,7,1]',
    },
  ],
  jobs: [],
  dailySteps: [
    {
      name: 'disposal:limitation-recompute',
      handler: () => import('../limitation/daily_recompute.js'),
    },
  ],
})

export default part
