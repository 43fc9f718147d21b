import { definePlugin } from '#core/plugins/define_plugin'
import { dictionaries } from './dictionaries.js'

/*
| 客户视图 (spec §2.1): search customers in the user's data scope and open a
| customer's portrait — facts and balances from credit-assets, external facts
| from the bank's systems (bank-systems adapters), manual tags.
*/
const Customers = () => import('./controllers/customers_controller.js')
const Panels = () => import('./controllers/panels_controller.js')
const Tags = () => import('./controllers/tags_controller.js')

export default definePlugin({
  id: 'customer-view',
  name: { zh: '客户视图', en: 'Customer View' },
  version: '0.1.0',
  description: {
    zh: '客户检索与客户全景视图：敞口、五级分类走势、关联企业、外部风险、催收、授信与风险资产时间轴',
    en: 'Customer search and portrait: exposure, classification trend, relations, external alerts, collection, credit lines and timeline',
  },
  dependsOn: ['credit-assets', 'bank-systems'],

  routes(router) {
    const list = 'customer-view:customer:list'
    router.get('/customers', [Customers, 'index'], list)
    router.get('/org-options', [Customers, 'orgOptions'], list)
    router.get('/customers/:id', [Customers, 'show'], list)
    router.get('/customers/:id/panels/:panel', [Panels, 'show'], list)
    router.get(
      '/customers/:id/loans-export',
      [Customers, 'exportLoans'],
      'customer-view:customer:export'
    )
    router.post('/customers/:id/tags', [Tags, 'store'], 'customer-view:customer:tag')
    router.delete('/customers/:id/tags/:tag', [Tags, 'destroy'], 'customer-view:customer:tag')
  },

  menus: [
    {
      code: 'customer-view:daily',
      type: 'directory',
      name: { zh: '日常管理', en: 'Daily Work' },
      icon: 'Briefcase',
      order: 100,
      children: [
        {
          code: 'customer-view:customers',
          type: 'page',
          name: { zh: '客户视图', en: 'Customer View' },
          permission: 'customer-view:customer:list',
          // One page: the search list, or with ?id= the customer's portrait (opened in a new tab).
          page: 'customer-view/CustomerView',
          icon: 'User',
          children: [
            {
              code: 'customer-view:customer:tag',
              type: 'button',
              name: { zh: '管理客户标签', en: 'Manage tags' },
              permission: 'customer-view:customer:tag',
            },
            {
              code: 'customer-view:customer:export',
              type: 'button',
              name: { zh: '导出借据', en: 'Export loans' },
              permission: 'customer-view:customer:export',
            },
          ],
        },
      ],
    },
  ],

  dictionaries,

  // Other plugins' panels on the portrait (disposal's 处置预案), docs/plugins.md "Extension slots".
  slotPoints: [
    {
      id: 'customer-view:customer-panels',
      name: { zh: '客户视图面板', en: 'Customer view panels' },
      props: ['customerId'],
    },
  ],

  settings: [
    {
      key: 'customer-view.panelTimeoutMs',
      name: { zh: '外部数据面板超时（毫秒）', en: 'External panel timeout (ms)' },
      type: 'number',
      default: '3000',
      description:
        '客户视图调用外部系统（智能预警、智能风控、智能催收、统一授信）的单面板超时；超时即标记该面板暂不可用',
    },
  ],
})
