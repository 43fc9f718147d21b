import { definePlugin } from '#core/plugins/define_plugin'

/*
| 全方位动态监测 (spec §2.1 客户视图, §3 与智能预警/客户中心对接): 智能预警's alerts
| (新增诉讼, 被执行人, 押品价值下降, 股权变更) pulled every morning and stored once,
| each new one a 消息 to the customer's managers who may see the customer; a
| suit the bank filed, confirmed by a manager, moves the limitation period
| (disposal's limitation service); 客户中心's master data compared with our
| copy and refreshed after the differences are shown. A panel on 客户视图.
*/
const Monitoring = () => import('./controllers/monitoring_controller.js')
const LIST = 'monitoring:alert:list'
const CONFIRM = 'monitoring:alert:confirm'
const PULL = 'monitoring:alert:pull'
const MASTER = 'monitoring:master:list'
const APPLY = 'monitoring:master:apply'
const L = (zh: string, en: string) => ({ zh, en })

export default definePlugin({
  id: 'monitoring',
  name: L('动态监测', 'Monitoring'),
  version: '0.1.0',
  description: L(
    '智能预警每日拉取与消息推送、诉讼预警登记时效、客户中心主数据比对更新',
    'Daily early-warning alerts to managers, lawsuits into limitation periods, customer-centre master data'
  ),
  dependsOn: ['credit-assets', 'bank-systems', 'customer-view', 'disposal'],

  routes(router) {
    router.get('/customers/:customerId/alerts', [Monitoring, 'alerts'], LIST)
    router.post(
      '/customers/:customerId/alerts/:id/limitation',
      [Monitoring, 'confirmLimitation'],
      CONFIRM
    )
    router.post('/alerts/pull', [Monitoring, 'pull'], PULL)
    router.get('/customers/:customerId/master', [Monitoring, 'master'], MASTER)
    router.post('/customers/:customerId/master', [Monitoring, 'applyMaster'], APPLY)
  },

  permissions: [
    { code: LIST, name: L('查看动态监测预警', 'View monitoring alerts') },
    { code: CONFIRM, name: L('诉讼预警登记时效', 'Record a lawsuit alert into limitation') },
    { code: PULL, name: L('拉取智能预警', 'Pull early-warning alerts') },
    { code: MASTER, name: L('比对客户中心主数据', 'Compare customer-centre data') },
    { code: APPLY, name: L('更新客户主数据', 'Apply customer-centre data') },
  ],

  slots: [
    {
      slot: 'customer-view:customer-panels',
      id: 'customer-monitoring',
      title: L('全方位动态监测', 'Monitoring'),
      component: 'monitoring/slots/MonitoringPanel',
      permission: LIST,
      order: 15,
    },
  ],

  dictionaries: [
    {
      type: 'monitoring_alert_kind',
      name: L('预警类型', 'Alert kind'),
      items: [
        { code: 'new_lawsuit', label: L('新增诉讼', 'New lawsuit'), color: 'danger', order: 1 },
        {
          code: 'executed_person',
          label: L('被执行人', 'Judgment debtor'),
          color: 'danger',
          order: 2,
        },
        {
          code: 'collateral_value_drop',
          label: L('押品价值下降', 'Collateral value drop'),
          color: 'warning',
          order: 3,
        },
        {
          code: 'equity_change',
          label: L('股权变更', 'Equity change'),
          color: 'warning',
          order: 4,
        },
      ],
    },
  ],

  eventKinds: [
    { kind: 'monitoring.master', label: L('客户中心主数据更新', 'Customer-centre data applied') },
  ],

  messageTypes: [
    {
      type: 'monitoring.alert',
      name: L('智能预警提醒', 'Early-warning alert'),
      channels: ['inapp', 'email'],
      optional: ['email'],
    },
  ],

  jobs: [
    {
      name: 'monitoring:pull-alerts',
      handler: () => import('./jobs/pull.js'),
      // 06:45 every day, after core banking's and the data platform's morning feeds.
      schedule: '45 6 * * *',
      attempts: 3,
    },
  ],
})
