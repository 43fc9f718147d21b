import { definePlugin } from '#core/plugins/define_plugin'

/*
| 交易流水确认 (spec §2 日常管理, via 核心系统): recovery transactions of risk
| customers are fetched from core banking every morning and on demand
| (job recoveries:fetch, one row per transaction number); a clerk confirms each
| with its recovery method, or corrects it with a reason. A confirmation
| writes through credit-assets (the repayment and its method: 风险资产处置回收台账,
| the customer's 风险资产时间轴) and disposal (the outcome 目标管理 counts).
| Menus under 日常管理 (customer-view's directory).
*/
const Transactions = () => import('./controllers/transactions_controller.js')
const LIST = 'recoveries:transaction:list'

export default definePlugin({
  id: 'recoveries',
  name: { zh: '交易流水确认', en: 'Recovery Transactions' },
  version: '0.1.0',
  description: {
    zh: '从核心系统获取风险客户回收交易流水，逐笔确认并标注回收方式，进入处置回收台账与目标完成',
    en: 'Recovery transactions from core banking, confirmed and tagged with their method',
  },
  dependsOn: ['credit-assets', 'bank-systems', 'disposal', 'customer-view'],
  publicModules: ['services/recoveries_api.ts', 'fixtures/recoveries_fixture.ts'],
  // 接入接口 (API gateway, backend/gateway): 数据中台 pushes a recovery as it happens.
  inboundInterfaces: [
    {
      code: 'recovery-notice',
      name: { zh: '回收交易通知', en: 'Recovery notice' },
      description: {
        zh: '数据中台推送风险客户的回收交易，入待确认流水（同一交易号只记一次）',
        en: 'The data platform pushes a recovery transaction; stored once per transaction number, pending confirmation',
      },
      method: 'POST',
      intendedFor: ['data-platform'],
      request: {
        type: 'object',
        properties: {
          txnNo: { type: 'string' },
          loanNo: { type: 'string' },
          customerNo: { type: 'string' },
          postedOn: { type: 'string', format: 'date' },
          principal: { type: 'string', pattern: '^\\d+\\.\\d{2}$', description: '本金（元）' },
          interest: { type: 'string', pattern: '^\\d+\\.\\d{2}$', description: '利息（元）' },
          penalty: { type: 'string', pattern: '^\\d+\\.\\d{2}$', description: '罚息（元）' },
          amount: { type: 'string', pattern: '^\\d+\\.\\d{2}$', description: '合计（元）' },
          channel: { type: 'string' },
          payerName: { type: 'string' },
          memo: { type: 'string' },
        },
        required: [
          'txnNo',
          'loanNo',
          'customerNo',
          'postedOn',
          'principal',
          'interest',
          'penalty',
          'amount',
          'channel',
          'payerName',
        ],
      },
      response: {
        type: 'object',
        properties: {
          txnNo: { type: 'string' },
          outcome: { enum: ['received', 'duplicate', 'notRiskAsset'] },
        },
      },
      handler: () => import('./inbound/recovery_notice.js'),
    },
  ],

  routes(router) {
    router.get('/transactions', [Transactions, 'index'], LIST)
    router.get('/transactions/:id', [Transactions, 'show'], LIST)
    router.post('/transactions/fetch', [Transactions, 'fetch'], 'recoveries:transaction:fetch')
    router.post(
      '/transactions/:id/confirm',
      [Transactions, 'confirm'],
      'recoveries:transaction:confirm'
    )
    router.post(
      '/transactions/:id/correct',
      [Transactions, 'correct'],
      'recoveries:transaction:correct'
    )
  },

  menus: [
    {
      code: 'recoveries:root',
      type: 'page',
      parent: 'customer-view:daily',
      order: 40,
      icon: 'Tickets',
      name: { zh: '交易流水确认', en: 'Recovery transactions' },
      permission: LIST,
      page: 'recoveries/Transactions',
      children: [
        {
          code: 'recoveries:transaction:fetch',
          type: 'button',
          name: { zh: '获取流水', en: 'Fetch' },
          permission: 'recoveries:transaction:fetch',
        },
        {
          code: 'recoveries:transaction:confirm',
          type: 'button',
          name: { zh: '确认', en: 'Confirm' },
          permission: 'recoveries:transaction:confirm',
        },
        {
          code: 'recoveries:transaction:correct',
          type: 'button',
          name: { zh: '更正', en: 'Correct' },
          permission: 'recoveries:transaction:correct',
        },
      ],
    },
  ],

  dictionaries: [
    {
      type: 'recoveries_transaction_status',
      name: { zh: '交易流水状态', en: 'Transaction status' },
      items: [
        { code: 'pending', label: { zh: '待确认', en: 'Pending' }, color: 'warning' },
        { code: 'confirmed', label: { zh: '已确认', en: 'Confirmed' }, color: 'success' },
      ],
    },
  ],

  jobs: [
    {
      name: 'recoveries:fetch',
      handler: () => import('./jobs/fetch.js'),
      // 06:30 every day: yesterday's late postings and today's first ones.
      schedule: '30 6 * * *',
      attempts: 3,
    },
  ],

  eventKinds: [
    { kind: 'recoveries.confirmed', label: { zh: '回收流水确认', en: 'Recovery confirmed' } },
  ],
})
