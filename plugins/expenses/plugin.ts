import { definePlugin } from '#core/plugins/define_plugin'
import { expenseLedger } from './ledgers/expense_ledger.js'
import { expenseWorkflowType } from './workflow/expense_type.js'

/*
| 费用管理 (spec §3.2 费用管理, 台账管理 费用台账): every fee of recovering a risk
| asset — 案件受理费, 保全费, 律师费, 评估费, 拍卖费, 过户税费 … — linked to the
| customer and loans and to the record it arose from in any plugin (a case, a
| transfer, an asset). Applied (申请), approved (已审批: at once up to the
| 审批金额 parameter, else through the core workflow), paid (已支付: posted to
| core banking through the outbox), recovered from the debtor (已收回).
| Business plugins write here only through services/expenses_api.ts.
|
| dependsOn: the book (credit-assets' book_api), core banking's posting
| interface (bank-systems' connector), and 资产处置 (disposal). The page sits
| in 资产处置 › 诉讼管理 (litigation's directory, see the menu below).
*/
const Expenses = () => import('./controllers/expenses_controller.js')
const L = (zh: string, en: string) => ({ zh, en })

const button = (action: string, zh: string, en: string) => ({
  code: `expenses:expense:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `expenses:expense:${action}`,
})

export default definePlugin({
  id: 'expenses',
  name: L('费用管理', 'Expenses'),
  version: '0.1.0',
  description: L(
    '诉讼、处置等费用的申请、审批、支付记账与收回，费用台账',
    'Recovery expenses: application, approval, payment posting, recovery; expense ledger'
  ),
  dependsOn: ['credit-assets', 'bank-systems', 'disposal'],

  // What other plugins may use (docs/plugins.md "Expenses"): record an expense, read a record's;
  // a ledger's fee sums (expense_sums_api.ts, light enough to load with a manifest).
  publicModules: ['services/expenses_api.ts', 'services/expense_sums_api.ts'],

  routes(router) {
    router.get('/expenses', [Expenses, 'index'], 'expenses:expense:list')
    router.get('/expenses/:id', [Expenses, 'show'], 'expenses:expense:list')
    router.post('/expenses', [Expenses, 'store'], 'expenses:expense:create')
    router.put('/expenses/:id', [Expenses, 'update'], 'expenses:expense:update')
    router.post('/expenses/:id/pay', [Expenses, 'pay'], 'expenses:expense:pay')
    router.post('/expenses/:id/recover', [Expenses, 'recover'], 'expenses:expense:recover')
    router.post('/expenses/:id/posting/retry', [Expenses, 'retryPosting'], 'expenses:expense:pay')
    router.get('/settings', [Expenses, 'settings'], 'expenses:expense:list')
  },

  permissions: [{ code: 'expenses:expense:export', name: L('导出费用台账', 'Export expenses') }],

  menus: [
    {
      code: 'expenses:expenses',
      type: 'page',
      // Under 资产处置 › 诉讼管理 (spec §3.2 lists 费用管理 there; litigation's directory).
      // Not in dependsOn: litigation depends on this plugin (its fees are recorded here), so
      // naming it would be a cycle. While litigation is off the entry is a root of the side
      // menu (core menu_tree), never hidden. 费用台账 sits under 台账管理 (ledgers/).
      parent: 'litigation:root',
      name: L('费用管理', 'Expenses'),
      permission: 'expenses:expense:list',
      page: 'expenses/ExpensePage',
      icon: 'Money',
      order: 60,
      children: [
        button('create', '费用申请', 'Apply'),
        button('update', '修改重提', 'Edit and resubmit'),
        button('pay', '登记支付', 'Mark paid'),
        button('recover', '登记收回', 'Mark recovered'),
      ],
    },
  ],

  dictionaries: [
    {
      type: 'expenses_fee_kind',
      name: L('费用类型', 'Fee kind'),
      items: [
        { code: 'acceptance_fee', label: L('案件受理费', 'Case acceptance fee') },
        { code: 'preservation_fee', label: L('保全费', 'Preservation fee') },
        { code: 'execution_fee', label: L('执行申请费', 'Enforcement application fee') },
        { code: 'announcement_fee', label: L('公告费', 'Announcement fee') },
        { code: 'lawyer_fee', label: L('律师费', 'Lawyer fee') },
        { code: 'appraisal_fee', label: L('评估费', 'Appraisal fee') },
        { code: 'auction_fee', label: L('拍卖费', 'Auction fee') },
        { code: 'custody_fee', label: L('保管费', 'Custody fee') },
        { code: 'transfer_tax', label: L('过户税费', 'Transfer taxes and fees') },
        { code: 'arbitration_fee', label: L('仲裁费', 'Arbitration fee') },
        { code: 'notary_fee', label: L('公证费', 'Notary fee') },
        { code: 'other', label: L('其他', 'Other') },
      ],
    },
    {
      type: 'expenses_status',
      name: L('费用状态', 'Expense status'),
      items: [
        { code: 'applied', label: L('申请', 'Applied'), color: 'warning' },
        { code: 'approved', label: L('已审批', 'Approved'), color: 'primary' },
        { code: 'paid', label: L('已支付', 'Paid'), color: 'success' },
        { code: 'recovered', label: L('已收回', 'Recovered'), color: 'success' },
        { code: 'returned', label: L('已退回', 'Returned'), color: 'warning' },
        { code: 'rejected', label: L('已驳回', 'Rejected'), color: 'danger' },
        { code: 'withdrawn', label: L('已撤回', 'Withdrawn'), color: 'info' },
      ],
    },
    {
      type: 'expenses_posting_state',
      name: L('费用记账状态', 'Expense posting state'),
      items: [
        { code: 'pending', label: L('待记账', 'Pending'), color: 'info' },
        { code: 'retrying', label: L('重试中', 'Retrying'), color: 'warning' },
        { code: 'posted', label: L('已记账', 'Posted'), color: 'success' },
        { code: 'failed', label: L('记账失败', 'Failed'), color: 'danger' },
      ],
    },
    {
      type: 'expenses_yes_no',
      name: L('是否', 'Yes / no'),
      items: [
        { code: 'yes', label: L('是', 'Yes'), color: 'warning' },
        { code: 'no', label: L('否', 'No'), color: 'info' },
      ],
    },
  ],

  settings: [
    {
      key: 'expenses.approvalThreshold',
      name: L('费用审批金额（元）', 'Expense approval threshold (yuan)'),
      type: 'amount',
      default: '10000.00',
      description: '单笔费用金额超过此值须经审批流程；不超过的提交即审批通过（留审计记录）',
    },
  ],

  jobs: [{ name: 'expenses:demo-seed', handler: () => import('./jobs/demo_seed.js') }],
  // A dozen fees in every status for the demo (jobs/demo_seed.ts).
  demo: { job: 'expenses:demo-seed' },

  workflowTypes: [expenseWorkflowType],
  ledgers: [expenseLedger],

  // 首页视图: data on the server (dashboard/), the chart in the console (ui/widgets/).
  dashboardWidgets: [
    {
      id: 'expenses:by-status',
      title: L('费用状态分布', 'Expenses by status'),
      permission: 'expenses:expense:list',
      data: () => import('./dashboard/expenses_by_status.js'),
      view: 'expenses/expenses_by_status',
    },
  ],
})
