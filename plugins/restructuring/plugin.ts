import { definePlugin } from '#core/plugins/define_plugin'
import { restructuringDictionaries } from './plans/dictionaries.js'
import { planWorkflowType } from './workflow/plan_type.js'
import { restructuringLedger } from './ledgers/restructuring_ledger.js'

/*
| 资产重组 (spec §3): 重组方案 with its method (展期, 借新还旧, 调整还款计划, 变更担保/增加
| 担保, 债转股) and the new terms, approval, and the 观察期 — the restructured loan's
| performance tracked for 参数 restructuring.observationMonths (default 6) before it
| may be upgraded, with reminders through the core deadline engine. The plan shows
| on the loans' risk-asset timeline (客户视图) and in 资产重组台账.
*/
const Plans = () => import('./controllers/plans_controller.js')

const LIST = 'restructuring:plan:list'
const CREATE = 'restructuring:plan:create'
const TRACK = 'restructuring:plan:track'

export default definePlugin({
  id: 'restructuring',
  name: { zh: '资产重组', en: 'Restructuring' },
  version: '0.1.0',
  description: {
    zh: '资产重组：重组方案、审批、观察期履约跟踪与提醒、资产重组台账',
    en: 'Restructuring plans, approval, observation-period tracking and reminders, ledger',
  },
  dependsOn: ['credit-assets', 'disposal'],

  routes(router) {
    router.get('/plans', [Plans, 'index'], LIST)
    router.get('/plans/:id', [Plans, 'show'], LIST)
    router.post('/plans', [Plans, 'store'], CREATE)
    router.post('/plans/:id/submit', [Plans, 'submit'], CREATE)
    router.post('/plans/:id/checks', [Plans, 'check'], TRACK)
    router.post('/plans/:id/close', [Plans, 'close'], TRACK)
  },

  permissions: [
    { code: LIST, name: { zh: '查看重组方案', en: 'View restructuring plans' } },
    {
      code: 'restructuring:ledger:list',
      name: { zh: '查看资产重组台账', en: 'View restructuring ledger' },
    },
    {
      code: 'restructuring:ledger:export',
      name: { zh: '导出资产重组台账', en: 'Export restructuring ledger' },
    },
  ],

  menus: [
    {
      code: 'restructuring:plans',
      type: 'page',
      parent: 'disposal:root',
      order: 50,
      name: { zh: '资产重组', en: 'Restructuring' },
      permission: LIST,
      page: 'restructuring/Plans',
      icon: 'Refresh',
      children: [
        {
          code: CREATE,
          type: 'button',
          name: { zh: '新建重组方案', en: 'New plan' },
          permission: CREATE,
        },
        { code: TRACK, type: 'button', name: { zh: '履约跟踪', en: 'Track' }, permission: TRACK },
      ],
    },
  ],

  dictionaries: restructuringDictionaries,

  settings: [
    {
      key: 'restructuring.observationMonths',
      name: { zh: '重组观察期（月）', en: 'Observation period (months)' },
      type: 'number',
      default: '6',
      description: '重组贷款自生效（或批准）之日起的观察期；期满且履约正常方可申请上调风险分类',
    },
  ],

  workflowTypes: [planWorkflowType],

  ledgers: [restructuringLedger],

  // 重组 on the loan's risk-asset timeline (客户视图, 借据详情).
  eventKinds: [{ kind: 'restructuring.plan', label: { zh: '资产重组', en: 'Restructuring' } }],
})
