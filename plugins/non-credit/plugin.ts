import { definePlugin } from '#core/plugins/define_plugin'
import type { MenuDefinition } from '#core/plugins/types'
import { nonCreditLedger } from './ledgers/non_credit_ledger.js'
import { classificationWorkflowType } from './workflow/class_type.js'
import { FEED_INTERFACE } from './services/tables.js'

/*
| 非信贷资产管理 (spec §4): non-credit risk assets — 同业资产, 投资类资产 (债券,
| 资管计划, 信托…), 应收款项, 表外垫款 (承兑/保函/信用证垫款), 其他 — fed daily
| by 数据中台 (its interface `non-credit-assets`, declared here), listed in the
| caller's data scope, reclassified through an approval, with a 台账 under
| 台账管理 and a panel on 客户视图. Everything lives in this folder: the feed's
| simulator endpoint is a desk of bank-systems' simulator (services/desk.ts).
*/
const Assets = () => import('./controllers/assets_controller.js')
const LIST = 'non-credit:asset:list'
const CLASSIFY = 'non-credit:asset:classify'
const SYNC = 'non-credit:asset:sync'
const L = (zh: string, en: string) => ({ zh, en })
const button = (code: string, zh: string, en: string): MenuDefinition => ({
  code,
  type: 'button',
  name: L(zh, en),
  permission: code,
})
const items = (list: Array<[string, string, string, string?]>) =>
  list.map(([code, zh, en, color], i) => ({
    code,
    label: L(zh, en),
    order: i + 1,
    ...(color ? { color: color as 'primary' } : {}),
  }))

export default definePlugin({
  id: 'non-credit',
  name: L('非信贷资产管理', 'Non-credit assets'),
  version: '0.1.0',
  description: L(
    '同业、投资、应收款项、表外垫款等非信贷风险资产：数据中台每日同步、列表、台账、五级分类调整审批、客户视图面板',
    'Non-credit risk assets fed by the data platform: list, ledger, classification with approval, customer-view panel'
  ),
  dependsOn: ['credit-assets', 'bank-systems', 'customer-view'],

  connectorInterfaces: [
    {
      system: 'data-platform',
      interfaces: [
        {
          code: FEED_INTERFACE,
          name: L('非信贷资产日终数据', 'Non-credit asset daily feed'),
          direction: 'outbound',
          method: 'POST',
          path: '/non-credit-assets/query',
          // A page of a large feed: reading changes nothing, so it may be retried.
          timeoutMs: 30_000,
          request: {
            type: 'object',
            required: ['businessDate', 'limit'],
            properties: {
              businessDate: { type: 'string', format: 'date' },
              after: {
                type: ['string', 'null'],
                description: '上一页最后的资产编号（首页为 null）',
              },
              limit: { type: 'integer', minimum: 1, maximum: 5000 },
            },
          },
          response: {
            type: 'object',
            properties: {
              retCode: { type: 'string' },
              retMsg: { type: 'string' },
              data: {
                type: 'object',
                properties: {
                  items: { type: 'array', items: { type: 'object' } },
                  next: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
      ],
    },
  ],

  routes(router) {
    router.get('/assets', [Assets, 'index'], LIST)
    router.get('/assets/:id', [Assets, 'show'], LIST)
    router.get('/assets/:id/history', [Assets, 'history'], LIST)
    router.post('/assets/:id/classification', [Assets, 'classify'], CLASSIFY)
    router.get('/changes/:id', [Assets, 'change'], LIST)
    router.post('/sync', [Assets, 'sync'], SYNC)
    router.get('/customers/:customerId/assets', [Assets, 'customerAssets'], LIST)
  },

  menus: [
    {
      code: 'non-credit:root',
      type: 'directory',
      name: L('非信贷资产管理', 'Non-credit assets'),
      icon: 'Coin',
      // Spec §4: after 资产处置 (200) and 抵债资产 (250), before 统计查询 (700).
      order: 300,
      children: [
        {
          code: 'non-credit:assets',
          type: 'page',
          name: L('非信贷资产', 'Non-credit assets'),
          permission: LIST,
          page: 'non-credit/NonCreditAssets',
          children: [
            button(CLASSIFY, '五级分类调整', 'Reclassify'),
            button(SYNC, '同步数据中台', 'Sync from the data platform'),
          ],
        },
      ],
    },
  ],

  permissions: [
    { code: 'non-credit:ledger:list', name: L('查看非信贷风险资产台账', 'View the ledger') },
    { code: 'non-credit:ledger:export', name: L('导出非信贷风险资产台账', 'Export the ledger') },
  ],

  ledgers: [nonCreditLedger],
  workflowTypes: [classificationWorkflowType],

  slots: [
    {
      slot: 'customer-view:customer-panels',
      id: 'customer-non-credit',
      title: L('非信贷资产', 'Non-credit assets'),
      component: 'non-credit/slots/NonCreditPanel',
      permission: LIST,
      order: 40,
    },
  ],

  dictionaries: [
    {
      type: 'non_credit_asset_type',
      name: L('非信贷资产类别', 'Non-credit asset type'),
      items: items([
        ['interbank', '同业资产', 'Interbank', 'primary'],
        ['investment', '投资类资产', 'Investment', 'success'],
        ['receivable', '应收款项', 'Receivable', 'warning'],
        ['advance', '表外垫款', 'Off-balance advance', 'danger'],
        ['other', '其他', 'Other', 'info'],
      ]),
    },
    {
      type: 'non_credit_sub_type',
      name: L('非信贷资产品种', 'Non-credit asset kind'),
      items: items([
        ['interbank_lending', '同业拆出', 'Interbank lending'],
        ['interbank_deposit', '存放同业', 'Interbank deposit'],
        ['reverse_repo', '买入返售', 'Reverse repo'],
        ['bond', '债券投资', 'Bond'],
        ['am_plan', '资管计划', 'Asset-management plan'],
        ['trust', '信托计划', 'Trust plan'],
        ['other_receivable', '其他应收款', 'Other receivable'],
        ['acceptance_advance', '承兑垫款', 'Acceptance advance'],
        ['guarantee_advance', '保函垫款', 'Guarantee advance'],
        ['lc_advance', '信用证垫款', 'L/C advance'],
        ['other', '其他', 'Other'],
      ]),
    },
    {
      type: 'non_credit_change_status',
      name: L('分类调整状态', 'Reclassification status'),
      items: items([
        ['effective', '已生效', 'Effective', 'success'],
        ['pending', '审批中', 'Pending', 'warning'],
        ['returned', '已退回', 'Returned', 'info'],
        ['rejected', '已否决', 'Rejected', 'danger'],
        ['withdrawn', '已撤回', 'Withdrawn', 'info'],
      ]),
    },
    {
      type: 'non_credit_change_source',
      name: L('分类来源', 'Classification source'),
      items: items([
        ['feed', '数据中台', 'Data platform'],
        ['manual', '人工调整', 'Manual'],
      ]),
    },
  ],

  jobs: [
    {
      // 05:20, after 数据中台's risk-loan feed (bank-systems, 05:00).
      name: 'non-credit:sync',
      handler: () => import('./jobs/sync.js'),
      schedule: '20 5 * * *',
      attempts: 3,
    },
    { name: 'non-credit:demo-seed', handler: () => import('./jobs/demo_seed.js') },
  ],
  demo: { job: 'non-credit:demo-seed' },

  startup: () => import('./startup.js'),
})
