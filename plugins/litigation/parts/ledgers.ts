import { definePart } from '#core/plugins/define_part'
import { caseLedger } from '../ledgers/case_ledger.js'

/* 诉讼台账 (under 台账管理) and the home page's 诉讼案件分布 widget. */
const part = definePart({
  permissions: [
    {
      code: 'litigation:ledger:list',
      name: { zh: '查看诉讼台账', en: 'View the litigation ledger' },
    },
    {
      code: 'litigation:ledger:export',
      name: { zh: '导出诉讼台账', en: 'Export the litigation ledger' },
    },
  ],
  ledgers: [caseLedger],
  dashboardWidgets: [
    {
      id: 'litigation:cases-by-stage',
      title: { zh: '诉讼案件分布', en: 'Litigation cases' },
      permission: 'litigation:case:list',
      data: () => import('../dashboard/cases_by_stage.js'),
      view: 'litigation/cases_by_stage',
      defaultSize: { w: 6, h: 8 },
      defaultOn: true,
    },
  ],
})

export default part
