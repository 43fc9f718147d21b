import { L, type Part } from './part.js'

/*
| The asset register itself: classes, statuses, the class rules (处置期限设置).
| The pages (资产分发, 定期检查, 资产保管, 资产处置) are parts of their own.
*/
const part: Part = {
  permissions: [
    { code: 'foreclosed-assets:asset:list', name: L('查看抵债资产', 'View foreclosed assets') },
    {
      code: 'foreclosed-assets:rule:manage',
      name: L('维护处置期限规则', 'Edit disposal period rules'),
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
  ],
}
export default part
