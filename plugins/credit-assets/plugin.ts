import { definePlugin } from '#core/plugins/define_plugin'
import { dictionaries } from './dictionaries.js'

/*
| 信贷资产 (credit assets): customers, contracts, loans (借据), guarantees,
| collateral references, five-category classification with its history, and
| risk-asset handover (风险资产移交). Every other business plugin depends on it.
*/
const RiskAssets = () => import('./controllers/risk_assets_controller.js')
const FloorAlerts = () => import('./controllers/floor_alerts_controller.js')
const Loans = () => import('./controllers/loans_controller.js')

export default definePlugin({
  id: 'credit-assets',
  name: { zh: '信贷资产', en: 'Credit Assets' },
  version: '0.1.0',
  description: {
    zh: '客户、合同、借据、担保、押品、五级分类与风险资产移交',
    en: 'Customers, contracts, loans, guarantees, collateral, classification and risk-asset handover',
  },
  dependsOn: [],

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
    router.get('/loans/:id/timeline', [Loans, 'timeline'], 'credit-assets:loan:list')
    router.post('/loans/:id/classification', [Loans, 'reclassify'], 'credit-assets:loan:classify')
  },

  permissions: [
    { code: 'credit-assets:loan:list', name: { zh: '查看借据详情', en: 'View loan details' } },
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
  ],

  dictionaries,

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
  ],

  jobs: [
    { name: 'credit-assets:handover-sync', handler: () => import('./jobs/handover_sync.js') },
    { name: 'credit-assets:demo-generate', handler: () => import('./jobs/demo_generate.js') },
  ],

  // `npm start` (demo mode) gets a small loan book with floor alerts already flagged.
  demo: {
    job: 'credit-assets:demo-generate',
    payload: { customers: 2000, loans: 5000, flagFloor: true },
  },

  dailySteps: [
    {
      name: 'credit-assets:classification-floor',
      handler: () => import('./daily/classification_floor.js'),
    },
  ],
})
