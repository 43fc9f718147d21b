import { definePart } from '#core/plugins/define_part'
import { cardWriteOffLedger, writeOffLedger } from '../ledgers/write_off_ledgers.js'

/* 核销资产台账, 信用卡核销台账 (under 台账管理) and the home-page widget 核销进度. */
const part = definePart({
  permissions: [
    { code: 'write-off:ledger:list', name: { zh: '查看核销台账', en: 'View write-off ledgers' } },
    {
      code: 'write-off:ledger:export',
      name: { zh: '导出核销台账', en: 'Export write-off ledgers' },
    },
  ],
  ledgers: [writeOffLedger, cardWriteOffLedger],
  settings: [
    {
      key: 'write-off.annualTarget',
      name: { zh: '年度核销目标（元）', en: 'Annual write-off target (yuan)' },
      type: 'amount',
      default: '100000000.00',
      description: '首页"核销进度"按本年已核销金额对比该目标',
    },
  ],
  dashboardWidgets: [
    {
      id: 'write-off:progress',
      title: { zh: '核销进度', en: 'Write-off progress' },
      permission: 'write-off:ledger:list',
      data: () => import('../dashboard/write_off_progress.js'),
      view: 'write-off/write_off_progress',
      defaultSize: { w: 6, h: 8 },
      defaultOn: true,
    },
  ],
})

export default part
