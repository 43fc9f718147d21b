import { definePlugin } from '#core/plugins/define_plugin'
import { foreclosureDictionaries } from './receipts/dictionaries.js'
import { foreclosureWorkflowType } from './workflow/type.js'
import { receiptLedger } from './ledgers/receipt_ledger.js'

/*
| 以资抵债 (spec §3.7): 抵债资产收取 — from a loan's collateral (押品管理) or another
| asset of the debtor, the way (协议抵债 / 法院裁定抵债 / 拍卖流拍抵债), 抵债金额
| over the debt by bucket (先本后息), 评估价 and 入账价值 (+ taxes and fees),
| 权属资料 on 电子档案, approval (and the 资产处置委员会 where the amount says),
| 批量发起 / 批量审批; 抵债账务处理 through the outbox (the loan settled, the
| shortfall kept as a claim, the asset booked into the 抵债资产 module), the
| 以资抵债通知单; and 抵债资产收取台账.
*/
const Receipts = () => import('./controllers/receipts_controller.js')
const Postings = () => import('./controllers/postings_controller.js')

const LIST = 'foreclosure:receipt:list'
const CREATE = 'foreclosure:receipt:create'
const APPROVE = 'foreclosure:approval:update'
const POST_LIST = 'foreclosure:posting:list'
const POST = 'foreclosure:posting:create'
const RETRY = 'foreclosure:posting:update'

const button = (code: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission: code,
})

export default definePlugin({
  id: 'foreclosure',
  name: { zh: '以资抵债', en: 'Foreclosure' },
  version: '0.1.0',
  description: {
    zh: '以资抵债：抵债资产收取（押品管理、电子档案）、审批与上会、批量发起与审批、抵债账务处理、通知单、抵债资产收取台账',
    en: 'Debt for asset: receipt (collateral, archives), approval, batches, postings, notice, ledger',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'disposal', 'committee', 'foreclosed-assets'],
  startup: () => import('./startup.js'),

  routes(router) {
    router.get('/receipts', [Receipts, 'index'], LIST)
    router.get('/collaterals', [Receipts, 'collaterals'], CREATE)
    router.post('/receipts', [Receipts, 'store'], CREATE)
    router.post('/receipts/batch-submit', [Receipts, 'batchSubmit'], CREATE)
    router.post('/receipts/batch-approve', [Receipts, 'batchApprove'], APPROVE)
    router.get('/receipts/:id', [Receipts, 'show'], LIST)
    router.put('/receipts/:id', [Receipts, 'update'], CREATE)
    router.post('/receipts/:id/submit', [Receipts, 'submit'], CREATE)
    router.post('/receipts/:id/withdraw', [Receipts, 'withdraw'], CREATE)
    router.post('/receipts/:id/documents', [Receipts, 'storeDocument'], CREATE)
    router.get('/receipts/:id/archive', [Receipts, 'archive'], LIST)
    router.post('/receipts/:id/post', [Postings, 'post'], POST)
    router.get('/receipts/:id/postings', [Postings, 'index'], POST_LIST)
    router.post('/receipts/:id/postings/:postingId/retry', [Postings, 'retry'], RETRY)
    router.get('/receipts/:id/notice/pdf', [Postings, 'notice'], POST_LIST)
  },

  permissions: [
    { code: LIST, name: { zh: '查看抵债资产收取', en: 'View foreclosure receipts' } },
    {
      code: 'foreclosure:ledger:list',
      name: { zh: '查看抵债资产收取台账', en: 'View foreclosure receipt ledger' },
    },
    {
      code: 'foreclosure:ledger:export',
      name: { zh: '导出抵债资产收取台账', en: 'Export foreclosure receipt ledger' },
    },
  ],

  menus: [
    {
      code: 'foreclosure:root',
      type: 'directory',
      parent: 'disposal:root',
      order: 70,
      name: { zh: '以资抵债', en: 'Debt for asset' },
      icon: 'House',
      children: [
        {
          code: 'foreclosure:receipts',
          type: 'page',
          name: { zh: '抵债资产收取', en: 'Asset Receipt' },
          permission: CREATE,
          page: 'foreclosure/Receipts',
          icon: 'EditPen',
          order: 1,
          children: [button(APPROVE, '批量审批', 'Batch approval')],
        },
        {
          code: 'foreclosure:postings',
          type: 'page',
          name: { zh: '抵债账务处理', en: 'Foreclosure Postings' },
          permission: POST_LIST,
          page: 'foreclosure/Postings',
          icon: 'Money',
          order: 2,
          children: [button(POST, '账务处理', 'Post'), button(RETRY, '重发', 'Retry')],
        },
      ],
    },
  ],

  dictionaries: foreclosureDictionaries,

  settings: [
    {
      key: 'foreclosure.committeeThreshold',
      name: { zh: '以资抵债上会金额（元）', en: 'Committee threshold (yuan)' },
      type: 'amount',
      default: '5000000.00',
      description: '抵债金额达到该金额的，审批通过后须提交资产处置委员会审议',
    },
    {
      key: 'foreclosure.postingAccounts',
      name: { zh: '以资抵债记账科目', en: 'Foreclosure posting accounts' },
      type: 'json',
      default: JSON.stringify({
        principal: '13010101',
        normal_interest: '13210101',
        overdue_interest: '13210102',
        penalty: '13210103',
        compound: '13210104',
        asset: '14410101',
        taxes: '22210101',
      }),
      description:
        '抵偿本金、各类利息（贷方）、抵债资产入账（借方）、抵债税费（贷方）对应的核心系统科目号',
    },
  ],

  workflowTypes: [foreclosureWorkflowType],

  ledgers: [receiptLedger],

  documentTemplates: [
    {
      code: 'notice',
      name: { zh: '以资抵债通知单', en: 'Foreclosure notice' },
      file: 'documents/notice.hbs',
    },
  ],

  jobs: [
    {
      name: 'foreclosure:book-settlement',
      handler: () => import('./jobs/book_settlement.js'),
      // Every 5 minutes: acknowledged postings reach the book's balances soon after core banking.
      schedule: '*/5 * * * *',
      attempts: 3,
    },
  ],
})
