import { definePart } from '#core/plugins/define_part'
import { assetDetailLedger, idleLedger } from '../ledgers/asset_ledgers.js'
import { checkLedger, entryLedger } from '../ledgers/record_ledgers.js'
import { L } from './part.js'

/*
| 台账: 抵债资产明细 and 闲置资产台账 (under 台账管理), the check and income
| records' ledgers (the pages' export), and the home-page widget.
*/
const part = definePart({
  permissions: [
    {
      code: 'foreclosed-assets:ledger:list',
      name: L('查看抵债资产台账', 'View foreclosed asset ledgers'),
    },
    {
      code: 'foreclosed-assets:ledger:export',
      name: L('导出抵债资产台账', 'Export foreclosed asset ledgers'),
    },
  ],
  ledgers: [assetDetailLedger, idleLedger, checkLedger, entryLedger],
  dictionaries: [
    {
      type: 'foreclosed_assets_yes_no',
      name: L('是否', 'Yes / no'),
      items: [
        { code: 'yes', label: L('是', 'Yes'), color: 'danger' },
        { code: 'no', label: L('否', 'No'), color: 'info' },
      ],
    },
  ],
  dashboardWidgets: [
    {
      id: 'foreclosed-assets:by-class',
      title: L('抵债资产分类与处置期限', 'Foreclosed assets by class and deadline'),
      permission: 'foreclosed-assets:asset:list',
      data: () => import('../dashboard/assets_by_class.js'),
      view: 'foreclosed-assets/assets_by_class',
      defaultSize: { w: 6, h: 8 },
      // On the default home page: the disposal-period breaches are the headline.
      defaultOn: true,
    },
  ],
})

export default part
