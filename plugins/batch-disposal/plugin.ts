import { definePlugin } from '#core/plugins/define_plugin'
import { batchDictionaries } from './domain/dictionaries.js'
import { packageWorkflowType, projectWorkflowType } from './workflow/types.js'
import { batchLedger } from './ledgers/batch_ledger.js'

/*
| 批量处置 (spec §3.6; issue 16): 批量转让, 资产证券化, 收益权转让 — 转让立项 with approval,
| 组建资产池 (by filter, set-based; by xlsx list, all or nothing; eligibility rules
| as records), 尽职调查 with the coverage rule, 处置方案 (资产包: valuation, reserve,
| method, approval and committee), 方案实施 (要约邀请函, 竞买通知, 竞价结果 with the
| minimum bidders, contract, payment, 交割 in one idempotent bulk step with the
| debtor notices), 费用 through expenses, 账务处理 through the outbox, and
| 批量转让台账.
*/
const Projects = () => import('./controllers/projects_controller.js')
const Pool = () => import('./controllers/pool_controller.js')
const Packages = () => import('./controllers/packages_controller.js')
const Documents = () => import('./controllers/documents_controller.js')

const LIST = 'batch-disposal:project:list'
const CREATE = 'batch-disposal:project:create'
const RULES = 'batch-disposal:rule:configure'
const POOL = 'batch-disposal:pool:update'
const DD = 'batch-disposal:dd:update'
const PACKAGE = 'batch-disposal:package:create'
const IMPLEMENT = 'batch-disposal:implementation:update'
const FEES = 'batch-disposal:fee:create'
const POSTINGS = 'batch-disposal:posting:list'
const RETRY = 'batch-disposal:posting:update'

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
  id: 'batch-disposal',
  name: { zh: '批量处置', en: 'Batch disposal' },
  version: '0.1.0',
  description: {
    zh: '批量转让、资产证券化、收益权转让：立项、资产池、尽职调查、资产包、实施与交割、费用、账务处理、批量转让台账',
    en: 'Batch transfer, securitisation, income-right transfer: project, pool, due diligence, packages, delivery, fees, postings, ledger',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'disposal', 'committee', 'expenses'],
  startup: () => import('./startup.js'),

  routes(router) {
    router.get('/projects', [Projects, 'index'], LIST)
    router.get('/projects/:id', [Projects, 'show'], LIST)
    router.post('/projects', [Projects, 'store'], CREATE)
    router.post('/projects/:id/submit', [Projects, 'submit'], CREATE)
    router.get('/rules', [Projects, 'rules'], LIST)
    router.put('/rules/:code', [Projects, 'updateRule'], RULES)

    router.get('/pool/template', [Pool, 'template'], LIST)
    router.get('/projects/:id/items', [Pool, 'items'], LIST)
    router.get('/projects/:id/summary', [Pool, 'summary'], LIST)
    router.post('/projects/:id/pool/filter', [Pool, 'filter'], POOL)
    router.post('/projects/:id/pool/import', [Pool, 'import'], POOL)
    router.post('/projects/:id/pool/remove', [Pool, 'remove'], POOL)
    router.get('/projects/:id/items/:itemId/dd', [Pool, 'dd'], LIST)
    router.put('/projects/:id/items/:itemId/dd', [Pool, 'registerDd'], DD)
    router.get('/projects/:id/dd-progress', [Pool, 'progress'], LIST)

    router.get('/projects/:id/packages', [Packages, 'index'], LIST)
    router.post('/projects/:id/packages', [Packages, 'store'], PACKAGE)
    router.get('/packages/:packageId', [Packages, 'show'], LIST)
    router.delete('/packages/:packageId', [Packages, 'destroy'], PACKAGE)
    router.post('/packages/:packageId/submit', [Packages, 'submit'], PACKAGE)
    router.post('/packages/:packageId/offers', [Packages, 'offer'], IMPLEMENT)
    router.post('/packages/:packageId/bids', [Packages, 'bids'], IMPLEMENT)
    router.post('/packages/:packageId/award', [Packages, 'award'], IMPLEMENT)
    router.post('/packages/:packageId/contract', [Packages, 'contract'], IMPLEMENT)
    router.post('/packages/:packageId/payment', [Packages, 'payment'], IMPLEMENT)
    router.post('/packages/:packageId/delivery', [Packages, 'delivery'], IMPLEMENT)
    router.get('/packages/:packageId/notices', [Packages, 'notices'], LIST)
    router.post('/packages/:packageId/notices/serve', [Packages, 'serve'], IMPLEMENT)
    router.get('/packages/:packageId/announcement.pdf', [Documents, 'announcement'], LIST)
    router.get('/packages/:packageId/notices.pdf', [Documents, 'notices'], LIST)
    router.get('/packages/:packageId/fees', [Packages, 'fees'], LIST)
    router.post('/packages/:packageId/fees', [Packages, 'storeFee'], FEES)
    router.get('/packages/:packageId/postings', [Packages, 'postings'], POSTINGS)
    router.post('/packages/:packageId/postings/:postingId/retry', [Packages, 'retry'], RETRY)
  },

  permissions: [
    { code: LIST, name: { zh: '查看批量处置', en: 'View batch disposals' } },
    {
      code: 'batch-disposal:ledger:list',
      name: { zh: '查看批量转让台账', en: 'View batch transfer ledger' },
    },
    {
      code: 'batch-disposal:ledger:export',
      name: { zh: '导出批量转让台账', en: 'Export batch transfer ledger' },
    },
  ],

  menus: [
    {
      code: 'batch-disposal:root',
      type: 'directory',
      parent: 'disposal:root',
      order: 50,
      name: { zh: '批量处置', en: 'Batch disposal' },
      icon: 'Files',
      children: [
        page(
          'batch-disposal:projects',
          '转让立项',
          'Projects',
          CREATE,
          'batch-disposal/Projects',
          'EditPen',
          1,
          [button(RULES, '规则配置', 'Rules')]
        ),
        page(
          'batch-disposal:pool',
          '组建资产池',
          'Asset pool',
          POOL,
          'batch-disposal/Pool',
          'Coin',
          2
        ),
        page(
          'batch-disposal:dd',
          '尽职调查',
          'Due diligence',
          DD,
          'batch-disposal/DueDiligence',
          'Search',
          3
        ),
        page(
          'batch-disposal:plans',
          '处置方案',
          'Packages',
          PACKAGE,
          'batch-disposal/Plans',
          'Box',
          4
        ),
        page(
          'batch-disposal:implement',
          '方案实施',
          'Implementation',
          IMPLEMENT,
          'batch-disposal/Implementation',
          'Promotion',
          5
        ),
        page(
          'batch-disposal:fees',
          '批量转让费用管理',
          'Fees',
          FEES,
          'batch-disposal/Fees',
          'Wallet',
          6
        ),
        page(
          'batch-disposal:postings',
          '批量转让账务处理',
          'Postings',
          POSTINGS,
          'batch-disposal/Postings',
          'Money',
          7,
          [button(RETRY, '重发', 'Retry')]
        ),
      ],
    },
  ],

  dictionaries: batchDictionaries,

  settings: [
    {
      key: 'batch-disposal.committeeThreshold',
      name: { zh: '资产包上会金额（元）', en: 'Committee threshold (yuan)' },
      type: 'amount',
      default: '10000000.00',
      description: '资产包本金合计达到该金额的，审批通过后须提交资产处置委员会审议',
    },
    {
      key: 'batch-disposal.deliveryInlineMax',
      name: { zh: '交割即时处理笔数上限', en: 'Inline delivery limit' },
      type: 'number',
      default: '500',
      description:
        '资产包借据笔数不超过该值的，交割在请求内完成；超过的转后台任务分批处理并显示进度',
    },
    {
      key: 'batch-disposal.postingAccounts',
      name: { zh: '批量转让记账科目', en: 'Batch transfer posting accounts' },
      type: 'json',
      default: JSON.stringify({ price: '10110102', loss: '67010102', off_balance: '70010102' }),
      description: '转让价款收入、转让损失、表外利息核销对应的核心系统科目号',
    },
  ],

  jobs: [
    { name: 'batch-disposal:deliver', handler: () => import('./jobs/deliver.js'), attempts: 3, lane: 'batch' },
  ],

  workflowTypes: [projectWorkflowType, packageWorkflowType],

  ledgers: [batchLedger],

  documentTemplates: [
    {
      code: 'announcement',
      name: { zh: '债权转让暨债务催收联合公告', en: 'Transfer and collection announcement' },
      file: 'documents/announcement.hbs',
      landscape: true,
    },
    {
      code: 'notice',
      name: { zh: '债权转让通知书', en: 'Notice of claim transfer' },
      file: 'documents/notice.hbs',
    },
  ],

  dashboardWidgets: [
    {
      id: 'batch-disposal:pipeline',
      title: { zh: '批量处置进度', en: 'Batch disposal pipeline' },
      permission: LIST,
      data: () => import('./dashboard/pipeline.js'),
      view: 'batch-disposal/pipeline',
      defaultSize: { w: 6, h: 8 },
      defaultOn: true,
    },
  ],
})
