import { definePlugin } from '#core/plugins/define_plugin'
import { transferDictionaries } from './transfers/dictionaries.js'
import { transferWorkflowType } from './workflow/type.js'
import { transferLedger } from './ledgers/transfer_ledger.js'

/*
| 债权转让 (spec §3.5, single claims — not 批量转让): 债权转让申请 with approval (and the
| 资产处置委员会 where the amount says), the 债权转让通知 to the debtor and the
| guarantors with their service (民法典 §546 — 结果登记 is blocked until served),
| 费用管理 through the expenses plugin, 账务处理 through the outbox, 结果登记 (the
| loan leaves the book as 已转让; a disposal outcome), and 非批量转让台账.
*/
const Apps = () => import('./controllers/applications_controller.js')

const LIST = 'transfer:application:list'
const CREATE = 'transfer:application:create'
const SERVE = 'transfer:notice:update'
const FEES = 'transfer:fee:create'
const POSTINGS = 'transfer:posting:list'
const RETRY = 'transfer:posting:update'
const RESULT = 'transfer:result:create'

const button = (code: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission: code,
})

const page = (
  code: string,
  zh: string,
  en: string,
  permission: string,
  key: string,
  icon: string,
  order: number,
  children: ReturnType<typeof button>[] = []
) => ({
  code,
  type: 'page' as const,
  name: { zh, en },
  permission,
  page: key,
  icon,
  order,
  children,
})

export default definePlugin({
  id: 'transfer',
  name: { zh: '债权转让', en: 'Claim transfer' },
  version: '0.1.0',
  description: {
    zh: '债权转让（非批量）：申请、审批与上会、通知送达、费用、账务处理、结果登记、非批量转让台账',
    en: 'Single claim transfer: application, approval, debtor notice, fees, postings, result, ledger',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'disposal', 'committee', 'expenses'],
  startup: () => import('./startup.js'),

  routes(router) {
    router.get('/applications', [Apps, 'index'], LIST)
    router.get('/applications/:id', [Apps, 'show'], LIST)
    router.post('/applications', [Apps, 'store'], CREATE)
    router.post('/applications/:id/submit', [Apps, 'submit'], CREATE)
    router.get('/applications/:id/notices/:noticeId/pdf', [Apps, 'notice'], LIST)
    router.post('/applications/:id/notices/:noticeId/serve', [Apps, 'serve'], SERVE)
    router.get('/applications/:id/fees', [Apps, 'fees'], LIST)
    router.post('/applications/:id/fees', [Apps, 'storeFee'], FEES)
    router.get('/applications/:id/postings', [Apps, 'postings'], POSTINGS)
    router.post('/applications/:id/postings/:postingId/retry', [Apps, 'retry'], RETRY)
    router.post('/applications/:id/result', [Apps, 'result'], RESULT)
  },

  permissions: [
    { code: LIST, name: { zh: '查看债权转让', en: 'View claim transfers' } },
    {
      code: 'transfer:ledger:list',
      name: { zh: '查看非批量转让台账', en: 'View transfer ledger' },
    },
    {
      code: 'transfer:ledger:export',
      name: { zh: '导出非批量转让台账', en: 'Export transfer ledger' },
    },
  ],

  menus: [
    {
      code: 'transfer:root',
      type: 'directory',
      parent: 'disposal:root',
      order: 40,
      name: { zh: '债权转让', en: 'Claim transfer' },
      icon: 'Switch',
      children: [
        page(
          'transfer:apply',
          '债权转让申请',
          'Transfer Application',
          CREATE,
          'transfer/Applications',
          'EditPen',
          1,
          [button(SERVE, '送达登记', 'Register service')]
        ),
        page(
          'transfer:fees',
          '债权转让费用管理',
          'Transfer Fees',
          FEES,
          'transfer/Fees',
          'Wallet',
          2
        ),
        page(
          'transfer:postings',
          '债权转让账务处理',
          'Transfer Postings',
          POSTINGS,
          'transfer/Postings',
          'Money',
          3,
          [button(RETRY, '重发', 'Retry')]
        ),
        page(
          'transfer:result',
          '债权转让结果登记',
          'Transfer Result',
          RESULT,
          'transfer/Results',
          'Stamp',
          4
        ),
      ],
    },
  ],

  dictionaries: transferDictionaries,

  settings: [
    {
      key: 'transfer.committeeThreshold',
      name: { zh: '债权转让上会金额（元）', en: 'Committee threshold (yuan)' },
      type: 'amount',
      default: '5000000.00',
      description:
        '转让借据账面价值（本金+表内利息）合计达到该金额的，审批通过后须提交资产处置委员会审议',
    },
    {
      key: 'transfer.postingAccounts',
      name: { zh: '债权转让记账科目', en: 'Transfer posting accounts' },
      type: 'json',
      default: JSON.stringify({ price: '10110101', loss: '67010101', off_balance: '70010101' }),
      description: '转让价款收入、转让损失、表外利息核销对应的核心系统科目号',
    },
  ],

  workflowTypes: [transferWorkflowType],

  ledgers: [transferLedger],

  dashboardWidgets: [
    {
      id: 'transfer:year',
      title: { zh: '债权转让（本年）', en: 'Claim transfers this year' },
      permission: 'transfer:ledger:list',
      data: () => import('./dashboard/transfer_year.js'),
      view: 'transfer/transfer_year',
      defaultSize: { w: 6, h: 8 },
      defaultOn: true,
    },
  ],

  documentTemplates: [
    {
      code: 'notice',
      name: { zh: '债权转让通知书', en: 'Transfer notice' },
      file: 'documents/notice.hbs',
    },
  ],
})
