import type { HttpContext } from '@adonisjs/core/http'
import { definePlugin } from '#core/plugins/define_plugin'
import type { MenuDefinition } from '#core/plugins/types'

/*
| 目标管理 (spec §2.3): 压降 and 清收 targets per org, year and half-year, issued
| by the head office to branches (总行目标) and by branches to sub-branches
| (分行目标), tracked against disposal outcomes (disposal plugin) with a 完成率 ranking,
| and two home-page widgets (计划完成情况, 机构完成金额排名).
*/
type Level = 'head' | 'branch'
type Action = 'index' | 'orgOptions' | 'store' | 'update' | 'destroy' | 'tracking'
type AssessmentAction =
  'weights' | 'saveWeights' | 'ranking' | 'export' | 'members' | 'addMember' | 'removeMember'

/** A route handler for one level: the level comes from the route, never the request. */
const act = (action: Action, level: Level) => async (ctx: HttpContext) => {
  const { default: Controller } = await import('./controllers/targets_controller.js')
  return new Controller()[action](ctx, level)
}

/** 考核 and 重点系列项目 handlers; ranking and export take the level from the route. */
const assess =
  (action: AssessmentAction, level: Level = 'head') =>
  async (ctx: HttpContext) => {
    const { default: Controller } = await import('./controllers/assessment_controller.js')
    return new Controller()[action](ctx, level)
  }

const button = (resource: string, action: string, zh: string, en: string): MenuDefinition => ({
  code: `targets:${resource}:${action}`,
  type: 'button',
  name: { zh, en },
  permission: `targets:${resource}:${action}`,
})

const levelMenus = (level: Level, zh: string, en: string, order: number): MenuDefinition[] => [
  {
    code: `targets:${level}-targets`,
    type: 'page',
    name: { zh: `${zh}目标任务申请`, en: `${en} targets` },
    permission: `targets:${level}-target:list`,
    page: level === 'head' ? 'targets/HeadTargets' : 'targets/BranchTargets',
    icon: 'Aim',
    order,
    children: [
      button(`${level}-target`, 'create', '新增目标', 'Create target'),
      button(`${level}-target`, 'update', '修改目标', 'Edit target'),
      button(`${level}-target`, 'delete', '删除目标', 'Delete target'),
    ],
  },
  {
    code: `targets:${level}-tracking`,
    type: 'page',
    name: { zh: `${zh}目标跟踪`, en: `${en} target tracking` },
    permission: `targets:${level}-tracking:list`,
    page: level === 'head' ? 'targets/HeadTracking' : 'targets/BranchTracking',
    icon: 'TrendCharts',
    order: order + 1,
  },
]

export default definePlugin({
  id: 'targets',
  name: { zh: '目标管理', en: 'Targets' },
  version: '0.1.0',
  description: {
    zh: '总分支机构风险资产压降目标、清收目标的制定、跟踪与完成率排名',
    en: 'Reduction and recovery targets per org: setting, tracking and completion ranking',
  },
  // disposal: what counts as done comes from its outcomes (services/outcomes_api.ts).
  dependsOn: ['credit-assets', 'disposal'],

  routes(router) {
    for (const level of ['head', 'branch'] as const) {
      const p = `targets:${level}-target`
      router.get(`/${level}/targets`, act('index', level), `${p}:list`)
      router.get(`/${level}/org-options`, act('orgOptions', level), `${p}:list`)
      router.post(`/${level}/targets`, act('store', level), `${p}:create`)
      router.put(`/${level}/targets/:id`, act('update', level), `${p}:update`)
      router.delete(`/${level}/targets/:id`, act('destroy', level), `${p}:delete`)
      router.get(`/${level}/tracking`, act('tracking', level), `targets:${level}-tracking:list`)
      router.get(`/${level}/assessment`, assess('ranking', level), 'targets:assessment:list')
      router.post(
        `/${level}/assessment/export`,
        assess('export', level),
        'targets:assessment:export'
      )
    }
    router.get('/assessment/weights', assess('weights'), 'targets:assessment:list')
    router.put('/assessment/weights', assess('saveWeights'), 'targets:assessment:weights')
    router.get('/series/:series/members', assess('members'), 'targets:series:list')
    router.post('/series/:series/members', assess('addMember'), 'targets:series:manage')
    router.delete(
      '/series/:series/members/:customerId',
      assess('removeMember'),
      'targets:series:manage'
    )
  },

  menus: [
    {
      code: 'targets:root',
      type: 'directory',
      name: { zh: '目标管理', en: 'Targets' },
      icon: 'Aim',
      order: 110,
      children: [
        ...levelMenus('head', '总行', 'Head-office', 1),
        ...levelMenus('branch', '分行', 'Branch', 3),
        {
          code: 'targets:assessment',
          type: 'page',
          name: { zh: '目标考核排名', en: 'Target assessment' },
          permission: 'targets:assessment:list',
          page: 'targets/Assessment',
          icon: 'Trophy',
          order: 5,
          children: [
            button('assessment', 'weights', '设置考核权重', 'Set weights'),
            button('assessment', 'export', '导出考核排名', 'Export ranking'),
          ],
        },
        {
          code: 'targets:series',
          type: 'page',
          name: { zh: '重点系列项目', en: 'Key project series' },
          permission: 'targets:series:list',
          page: 'targets/SeriesMembers',
          icon: 'Collection',
          order: 6,
          children: [button('series', 'manage', '维护项目客户', 'Manage customers')],
        },
      ],
    },
  ],

  dictionaries: [
    {
      type: 'targets_kind',
      name: { zh: '目标类型', en: 'Target kind' },
      items: [
        { code: 'reduction', label: { zh: '压降', en: 'Reduction' }, color: 'primary', order: 1 },
        { code: 'recovery', label: { zh: '清收', en: 'Recovery' }, color: 'success', order: 2 },
      ],
    },
    {
      type: 'targets_period',
      name: { zh: '目标期间', en: 'Target period' },
      items: [
        { code: 'H1', label: { zh: '上半年', en: 'First half' }, order: 1 },
        { code: 'H2', label: { zh: '下半年', en: 'Second half' }, order: 2 },
        { code: 'Y', label: { zh: '全年', en: 'Full year' }, order: 3 },
      ],
    },
    {
      // 重点系列项目: administrators add their bank's series in 数据字典.
      type: 'targets_series',
      name: { zh: '重点系列项目', en: 'Key project series' },
      items: [
        { code: 'large_npl', label: { zh: '大额不良攻坚', en: 'Large NPL drive' }, order: 1 },
        { code: 'real_estate', label: { zh: '房地产项目', en: 'Real estate' }, order: 2 },
        { code: 'smes', label: { zh: '小微企业', en: 'Small businesses' }, order: 3 },
      ],
    },
  ],

  dashboardWidgets: [
    {
      id: 'targets:plan-completion',
      title: { zh: '计划完成情况', en: 'Plan completion' },
      permission: 'targets:head-tracking:list',
      data: () => import('./dashboard/plan_completion.js'),
      view: 'targets/plan_completion',
      defaultSize: { w: 6, h: 9 },
    },
    {
      id: 'targets:org-ranking',
      title: { zh: '机构完成金额排名', en: 'Org recovery ranking' },
      permission: 'targets:head-tracking:list',
      data: () => import('./dashboard/org_ranking.js'),
      view: 'targets/org_ranking',
      defaultSize: { w: 6, h: 9 },
    },
  ],

  jobs: [
    { name: 'targets:demo-seed', handler: () => import('./jobs/demo_seed.js') },
    { name: 'targets:assessment-export', handler: () => import('./jobs/assessment_export.js') },
  ],
  demo: { job: 'targets:demo-seed' },
})
