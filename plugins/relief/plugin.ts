import { definePlugin } from '#core/plugins/define_plugin'
import { reliefLedger } from './ledgers/relief_ledger.js'
import { planWorkflowType, principalWorkflowType } from './workflow/plan_type.js'

/*
| 债权减免 (spec §3.4, 台账管理 资产减免台账): a plan for a borrower or a guarantor
| relieving 罚息, 复利, 表内/表外利息 (principal only under the rule's permission
| and the head-office chain), the amount to pay and its schedule; business rules
| checked at submission (committee above the interest percentage); accounting
| through the outbox (价款分配, 还款, 还款冲正, 减免, 减免冲正, each with its 通知单);
| tracking with reminders, default → relief cancelled.
|
| dependsOn: the book (credit-assets), core banking (bank-systems), 资产处置
| (disposal: its menu, 利息试算 and the disposal outcomes) and the committee.
*/
const Plans = () => import('./controllers/plans_controller.js')
const Rules = () => import('./controllers/rules_controller.js')
const L = (zh: string, en: string) => ({ zh, en })

const button = (code: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: L(zh, en),
  permission: code,
})

export default definePlugin({
  id: 'relief',
  name: L('债权减免', 'Debt relief'),
  version: '0.1.0',
  description: L(
    '减免方案申报（规则校验、上会、分级审批）、减免账务处理（通知单、冲正）、减免方案跟踪，资产减免台账',
    'Relief plans with rules, committee and tiered approval; postings with notices and reversals; tracking; relief ledger'
  ),
  dependsOn: ['credit-assets', 'bank-systems', 'disposal', 'committee'],

  startup: () => import('./startup.js'),

  routes(router) {
    router.get('/plans', [Plans, 'index'], 'relief:plan:list')
    router.get('/plans/:id', [Plans, 'show'], 'relief:plan:list')
    router.post('/plans', [Plans, 'store'], 'relief:plan:create')
    router.put('/plans/:id', [Plans, 'update'], 'relief:plan:create')
    router.post('/plans/:id/submit', [Plans, 'submit'], 'relief:plan:create')
    router.get('/plans/:id/pdf', [Plans, 'pdf'], 'relief:plan:list')
    router.post('/buckets', [Plans, 'buckets'], 'relief:plan:create')
    router.get('/loan-options', [Plans, 'loans'], 'relief:plan:list')
    router.get('/customer-options', [Plans, 'customers'], 'relief:plan:list')
    router.post('/plans/:id/payments', [Plans, 'pay'], 'relief:plan:account')
    router.post('/plans/:id/postings/:postingId/reverse', [Plans, 'reverse'], 'relief:plan:account')
    router.post('/plans/:id/postings/:postingId/retry', [Plans, 'retry'], 'relief:plan:account')
    router.get('/plans/:id/postings/:postingId/notice', [Plans, 'notice'], 'relief:plan:list')
    router.post('/plans/:id/status', [Plans, 'status'], 'relief:plan:track')
    router.get('/today', [Plans, 'today'], 'relief:plan:list')
    router.get('/rules', [Rules, 'index'], 'relief:rule:list')
    router.get('/rules/:id', [Rules, 'show'], 'relief:rule:list')
    router.put('/rules/:id', [Rules, 'update'], 'relief:rule:update')
  },

  permissions: [
    { code: 'relief:plan:list', name: L('查看减免方案', 'View relief plans') },
    { code: 'relief:plan:principal', name: L('本金减免', 'Relieve principal') },
    { code: 'relief:rule:list', name: L('查看减免规则', 'View relief rules') },
  ],

  menus: [
    {
      code: 'relief:root',
      type: 'directory',
      // Under 资产处置 (disposal's directory); the three pages nest as children.
      parent: 'disposal:root',
      name: L('债权减免', 'Debt relief'),
      icon: 'Discount',
      order: 40,
      children: [
        {
          code: 'relief:apply',
          type: 'page',
          name: L('减免方案申报', 'Relief plans'),
          permission: 'relief:plan:list',
          page: 'relief/PlanApply',
          icon: 'DocumentAdd',
          order: 10,
          children: [button('relief:plan:create', '申报', 'Apply')],
        },
        {
          code: 'relief:accounting',
          type: 'page',
          name: L('减免账务处理', 'Relief accounting'),
          permission: 'relief:plan:list',
          page: 'relief/PlanAccounting',
          icon: 'Tickets',
          order: 20,
          children: [button('relief:plan:account', '登记还款/冲正', 'Payments and reversals')],
        },
        {
          code: 'relief:tracking',
          type: 'page',
          name: L('减免方案跟踪', 'Relief tracking'),
          permission: 'relief:plan:list',
          page: 'relief/PlanTracking',
          icon: 'Timer',
          order: 30,
          children: [button('relief:plan:track', '状态变更', 'Change status')],
        },
        {
          code: 'relief:rules',
          type: 'page',
          name: L('减免规则', 'Relief rules'),
          permission: 'relief:rule:list',
          page: 'relief/Rules',
          icon: 'SetUp',
          order: 40,
          children: [button('relief:rule:update', '修改', 'Edit')],
        },
      ],
    },
  ],

  dictionaries: [
    {
      type: 'relief_status',
      name: L('减免方案状态', 'Relief plan status'),
      items: [
        { code: 'draft', label: L('草稿', 'Draft'), color: 'info' },
        { code: 'committee', label: L('上会中', 'Before the committee'), color: 'warning' },
        { code: 'pending', label: L('审批中', 'Under approval'), color: 'primary' },
        { code: 'returned', label: L('已退回', 'Returned'), color: 'warning' },
        { code: 'rejected', label: L('已否决', 'Rejected'), color: 'danger' },
        { code: 'executing', label: L('执行中', 'In execution'), color: 'primary' },
        { code: 'completed', label: L('已完成', 'Completed'), color: 'success' },
        { code: 'defaulted', label: L('已违约', 'Defaulted'), color: 'danger' },
        { code: 'terminated', label: L('已终止', 'Terminated'), color: 'info' },
      ],
    },
    {
      type: 'relief_debtor_role',
      name: L('减免对象', 'Debtor'),
      items: [
        { code: 'borrower', label: L('借款人', 'Borrower') },
        { code: 'guarantor', label: L('保证人', 'Guarantor') },
      ],
    },
    {
      type: 'relief_payment_mode',
      name: L('还款方式', 'Payment mode'),
      items: [
        { code: 'single', label: L('一次性还款', 'Single payment') },
        { code: 'instalments', label: L('分期还款', 'Instalments') },
      ],
    },
    {
      type: 'relief_posting_kind',
      name: L('减免记账类型', 'Relief posting kind'),
      items: [
        { code: 'allocation', label: L('价款分配', 'Allocation') },
        { code: 'repayment', label: L('还款', 'Repayment') },
        {
          code: 'repayment_reversal',
          label: L('还款冲正', 'Repayment reversal'),
          color: 'warning',
        },
        { code: 'relief', label: L('减免', 'Relief'), color: 'success' },
        { code: 'relief_reversal', label: L('减免冲正', 'Relief reversal'), color: 'danger' },
      ],
    },
  ],

  workflowTypes: [planWorkflowType, principalWorkflowType],

  documentTemplates: [
    { code: 'plan', name: L('减免方案', 'Relief plan'), file: 'documents/plan.hbs' },
    {
      code: 'notice',
      name: L('减免记账通知单', 'Relief posting notice'),
      file: 'documents/notice.hbs',
    },
  ],

  ledgers: [reliefLedger],

  dashboardWidgets: [
    {
      id: 'relief:this-year',
      title: L('本年减免金额', 'Relief this year'),
      permission: 'relief:plan:list',
      data: () => import('./dashboard/relief_this_year.js'),
      view: 'relief/relief_this_year',
    },
  ],
})
