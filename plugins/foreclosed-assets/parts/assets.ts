import { definePart } from '#core/plugins/define_part'
import { L, button } from './part.js'

/*
| The asset register, 资产分发, 资产保管 › 基本信息 and the class rules
| (处置期限设置): routes, permissions, dictionaries.
*/
const Assets = () => import('../controllers/assets_controller.js')
const Rules = () => import('../controllers/rules_controller.js')

const LIST = 'foreclosed-assets:asset:list'

const part = definePart({
  routes(router) {
    router.get('/assets', [Assets, 'index'], LIST)
    router.get('/pickers/assets', [Assets, 'picker'], LIST)
    router.get('/assets/:id', [Assets, 'show'], LIST)
    router.get(
      '/assets/:id/managers',
      [Assets, 'managers'],
      'foreclosed-assets:distribution:create'
    )
    router.put('/assets/:id', [Assets, 'update'], 'foreclosed-assets:asset:update')
    router.post('/assets/:id/appraisals', [Assets, 'appraise'], 'foreclosed-assets:asset:update')
    router.post(
      '/assets/:id/reconciliations',
      [Assets, 'reconcile'],
      'foreclosed-assets:asset:update'
    )
    router.post('/distribution', [Assets, 'distribute'], 'foreclosed-assets:distribution:create')
    router.get('/distribution/summary', [Assets, 'summary'], LIST)
    router.get('/rules', [Rules, 'index'], LIST)
    router.put('/rules/:assetClass', [Rules, 'update'], 'foreclosed-assets:rule:update')
  },
  permissions: [
    {
      code: 'foreclosed-assets:rule:update',
      name: L('维护处置期限规则', 'Edit disposal period rules'),
    },
  ],
  menus: [
    {
      code: 'foreclosed-assets:distribution',
      type: 'page',
      name: L('资产分发', 'Distribution'),
      permission: LIST,
      page: 'foreclosed-assets/Distribution',
      icon: 'Share',
      order: 10,
      children: [button('foreclosed-assets:distribution:create', '分发', 'Distribute')],
    },
  ],
  settings: [
    {
      key: 'foreclosed-assets.committeeThreshold',
      name: L('抵债资产处置上会金额（元）', 'Disposal committee threshold (yuan)'),
      type: 'amount',
      default: '5000000.00',
      description:
        '入账价值达到该金额的抵债资产出售、转固、列损，审批通过后须提交资产处置委员会审议',
    },
  ],
  dictionaries: [
    {
      type: 'foreclosed_assets_class',
      name: L('抵债资产分类', 'Foreclosed asset class'),
      items: [
        { code: 'real_estate', label: L('不动产', 'Real estate') },
        { code: 'movable', label: L('动产', 'Movable property') },
        { code: 'equity', label: L('股权', 'Equity') },
        { code: 'other_right', label: L('其他权利', 'Other rights') },
      ],
    },
    {
      type: 'foreclosed_assets_status',
      name: L('抵债资产状态', 'Foreclosed asset status'),
      items: [
        { code: 'held', label: L('待处置', 'Held'), color: 'warning' },
        { code: 'leased', label: L('临时经营', 'Leased'), color: 'primary' },
        { code: 'disposing', label: L('处置中', 'Disposing'), color: 'primary' },
        { code: 'sold', label: L('已出售', 'Sold'), color: 'success' },
        { code: 'fixed', label: L('已转固', 'To fixed assets'), color: 'success' },
        { code: 'written_off', label: L('已列损', 'Written down'), color: 'info' },
      ],
    },
    {
      type: 'foreclosed_assets_value_kind',
      name: L('抵债资产价值类型', 'Asset value kind'),
      items: [
        { code: 'book', label: L('入账价值', 'Book value') },
        { code: 'appraisal', label: L('评估价值', 'Appraisal') },
        { code: 'check', label: L('检查估值', 'Check valuation') },
        { code: 'disposal', label: L('处置价值', 'Disposal value') },
      ],
    },
    {
      type: 'foreclosed_assets_business_line',
      name: L('抵债资产业务条线', 'Business line'),
      items: [
        { code: 'corporate', label: L('公司业务', 'Corporate') },
        { code: 'retail', label: L('零售业务', 'Retail') },
        { code: 'small_business', label: L('小微业务', 'Small business') },
        { code: 'special_assets', label: L('特殊资产', 'Special assets') },
      ],
    },
  ],
})

export default part
