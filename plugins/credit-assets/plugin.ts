import { definePlugin } from '#core/plugins/define_plugin'
import { dictionaries } from './dictionaries.js'
import * as ledgerParts from './ledgers/index.js'
import { riskAssetsDataset } from './query/risk_assets_dataset.js'
import { lookupDefinitions } from './services/book_lookups.js'

/*
| 信贷资产 (credit assets): customers, contracts, loans (借据), guarantees,
| collateral references, five-category classification with its history, and
| risk-asset handover (风险资产移交). Every other business plugin depends on it.
*/
const RiskAssets = () => import('./controllers/risk_assets_controller.js')
const FloorAlerts = () => import('./controllers/floor_alerts_controller.js')
const Loans = () => import('./controllers/loans_controller.js')
const Customers = () => import('./controllers/customers_controller.js')
const Pickers = () => import('./controllers/pickers_controller.js')

export default definePlugin({
  id: 'credit-assets',
  name: { zh: '信贷资产', en: 'Credit Assets' },
  version: '0.1.0',
  description: {
    zh: '客户、合同、借据、担保、押品、五级分类与风险资产移交',
    en: 'Customers, contracts, loans, guarantees, collateral, classification and risk-asset handover',
  },
  dependsOn: [],

  // What other plugins may use (docs/plugins.md "Reading another plugin's data"): the
  // book is read through book_api, joined through the lookups, changed through book_writer.
  publicModules: [
    'services/book_api.ts',
    'services/book_lookups.ts',
    'services/book_writer.ts',
    'services/asset_claims.ts',
    'services/risk_events.ts',
    'services/risk_since.ts',
    'services/platform_sync.ts',
    'rules/five_class.ts',
    'rules/handover.ts',
    'ui/risk_event_text.ts',
    'ui/components/MaskedIdNo.vue',
    'ui/pickers.ts',
    'fixtures/book_fixture.ts',
  ],
  lookups: lookupDefinitions,
  // 接入接口 (API gateway, backend/gateway): 信贷门户 asks a loan's risk status.
  inboundInterfaces: [
    {
      code: 'loan-risk-status',
      name: { zh: '借据风险状态查询', en: 'Loan risk status' },
      description: {
        zh: '按借据号查询五级分类、逾期天数、余额及是否纳入风险资产管理',
        en: 'Five-category class, overdue days, balance and risk-asset management of a loan',
      },
      method: 'GET',
      intendedFor: ['credit-portal'],
      request: {
        type: 'object',
        properties: { loanNo: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' } },
        required: ['loanNo'],
      },
      response: {
        type: 'object',
        properties: {
          loanNo: { type: 'string' },
          fiveClass: { type: 'string' },
          classifiedOn: { type: ['string', 'null'], format: 'date' },
          overdueDays: { type: 'integer' },
          balance: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$', description: '余额（元）' },
          loanStatus: { type: 'string' },
          underRiskManagement: { type: 'boolean' },
          riskAssetStatus: { type: ['string', 'null'] },
          enteredOn: { type: ['string', 'null'], format: 'date' },
        },
      },
      handler: () => import('./inbound/loan_risk_status.js'),
    },
  ],
  // What other plugins may extend (docs/plugins.md "Extension slots"): tabs in the
  // loan drawer, and fields on loans shown in the drawer, 综合查询 and the ledger.
  slotPoints: [
    {
      id: 'credit-assets:loan-tabs',
      name: { zh: '借据详情页签', en: 'Loan drawer tabs' },
      props: ['loanId'],
    },
  ],
  extensibleRecords: [
    {
      id: 'credit-assets:loan',
      name: { zh: '借据', en: 'Loan' },
      datasets: { 'credit-assets:risk-assets': 'l.id' },
      ledgers: { 'risk-assets': { on: 'l.id', asOfOn: 'ln.id' } },
    },
  ],
  testFixtures: () => import('./fixtures/book_fixture.js'),

  routes(router) {
    router.get('/risk-assets', [RiskAssets, 'index'], 'credit-assets:risk-asset:list')
    router.get(
      '/risk-assets/org-options',
      [RiskAssets, 'orgOptions'],
      'credit-assets:risk-asset:list'
    )
    router.get('/floor-alerts', [FloorAlerts, 'index'], 'credit-assets:floor-alert:list')
    router.get(
      '/floor-alerts/org-options',
      [RiskAssets, 'orgOptions'],
      'credit-assets:floor-alert:list'
    )
    router.get('/loans/:id', [Loans, 'show'], 'credit-assets:loan:list')
    // Record pickers for other plugins' forms (ui/pickers.ts), in the caller's data scope.
    router.get('/pickers/customers', [Pickers, 'customers'], 'credit-assets:loan:list')
    router.get('/pickers/loans', [Pickers, 'loans'], 'credit-assets:loan:list')
    router.get('/pickers/risk-assets', [Pickers, 'riskAssets'], 'credit-assets:risk-asset:list')
    router.get('/loans/:id/timeline', [Loans, 'timeline'], 'credit-assets:loan:list')
    router.post('/loans/:id/classification', [Loans, 'reclassify'], 'credit-assets:loan:classify')
    // The clear 证件号码 of one customer: a separate, audited request (docs/security.md).
    router.post('/customers/:id/unmask', [Customers, 'unmask'], 'credit-assets:customer:unmask')
  },

  permissions: [
    { code: 'credit-assets:loan:list', name: { zh: '查看借据详情', en: 'View loan details' } },
    {
      code: 'credit-assets:customer:unmask',
      name: { zh: '查看完整证件号码', en: 'Reveal full ID numbers' },
    },
    ...ledgerParts.ledgerPermissions,
  ],

  menus: [
    {
      code: 'credit-assets:root',
      type: 'directory',
      name: { zh: '信贷资产', en: 'Credit Assets' },
      icon: 'Wallet',
      order: 100,
      children: [
        {
          code: 'credit-assets:risk-assets',
          type: 'page',
          name: { zh: '风险资产', en: 'Risk Assets' },
          permission: 'credit-assets:risk-asset:list',
          page: 'credit-assets/RiskAssets',
          icon: 'Warning',
          children: [
            {
              code: 'credit-assets:loan:classify',
              type: 'button',
              name: { zh: '调整五级分类', en: 'Reclassify' },
              permission: 'credit-assets:loan:classify',
            },
          ],
        },
        {
          code: 'credit-assets:floor-alerts',
          type: 'page',
          name: { zh: '分类下限预警', en: 'Classification Floor Alerts' },
          permission: 'credit-assets:floor-alert:list',
          page: 'credit-assets/FloorAlerts',
          icon: 'Bell',
        },
      ],
    },
    ledgerParts.ledgersMenu,
  ],

  dictionaries: [...dictionaries, ...ledgerParts.ledgerDictionaries],

  settings: [
    {
      key: 'credit-assets.handover.overdueDays',
      name: { zh: '风险资产移交逾期天数', en: 'Handover overdue days' },
      type: 'number',
      default: '90',
      description: '逾期超过该天数（或分类为次级及以下）的借据移交风险资产管理',
    },
    {
      key: 'credit-assets.floor.technicalDelayDays',
      name: { zh: '技术性逾期宽限天数', en: 'Technical delay days' },
      type: 'number',
      default: '7',
      description: '逾期超过该天数的借据分类至少为关注（《商业银行金融资产风险分类办法》）',
    },
    ...ledgerParts.snapshotSettings,
  ],

  jobs: [
    { name: 'credit-assets:handover-sync', handler: () => import('./jobs/handover_sync.js') },
    { name: 'credit-assets:demo-generate', handler: () => import('./jobs/demo_generate.js') },
    { name: 'credit-assets:loan-snapshot', handler: () => import('./snapshots/snapshot_job.js') },
  ],

  // `npm start` (demo mode) gets a small loan book with floor alerts already flagged.
  demo: {
    job: 'credit-assets:demo-generate',
    generator: 'credit-assets:demo-generate',
    payload: { customers: 2000, loans: 5000, flagFloor: true },
  },

  // 首页视图 charts (backend/dashboard/): data here, ECharts options in ui/widgets/.
  dashboardWidgets: [
    {
      id: 'credit-assets:risk-total',
      title: { zh: '风险资产总额', en: 'Risk assets total' },
      permission: 'credit-assets:risk-asset:list',
      data: () => import('./dashboard/risk_total.js'),
      view: 'credit-assets/risk_total',
      defaultSize: { w: 8, h: 9 },
    },
    {
      id: 'credit-assets:class-mix',
      title: { zh: '五级分类分布', en: 'Classification mix' },
      permission: 'credit-assets:loan:list',
      data: () => import('./dashboard/class_mix.js'),
      view: 'credit-assets/class_mix',
      defaultSize: { w: 4, h: 9 },
    },
    {
      id: 'credit-assets:top-customers',
      title: { zh: '风险客户排名', en: 'Top risk customers' },
      permission: 'credit-assets:risk-asset:list',
      data: () => import('./dashboard/top_customers.js'),
      view: 'credit-assets/top_customers',
      defaultSize: { w: 6, h: 9 },
    },
  ],

  // 综合查询 (backend/query/): the fields a clerk may combine, with SQL declared in query/.
  queryDatasets: [riskAssetsDataset],

  dailySteps: [
    {
      name: 'credit-assets:classification-floor',
      handler: () => import('./daily/classification_floor.js'),
    },
    // Last: the snapshot records the day's state after the steps above.
    { name: 'credit-assets:loan-snapshot', handler: () => import('./snapshots/daily_step.js') },
  ],

  // 台账 (backend/ledgers/): console page /ledgers/<id>, as-of dates read ca_loan_snapshots.
  ledgers: ledgerParts.ledgers,
})
