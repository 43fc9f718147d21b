import { definePart } from '#core/plugins/define_part'
import { planDictionaries } from '../plans/dictionaries.js'
import { litPlanWorkflowType } from '../workflow/plan_type.js'

/*
| 诉前方案申报 (pre-litigation plans): apply with 标的金额 from 核心系统 at the application
| date and the 智能催收 records, link the customer's approved 处置预案, approve through
| the core workflow with 授权 tiers, query. plugin.ts merges this part.
*/
const Plans = () => import('../controllers/plan_controller.js')

const LIST = 'litigation:plan:list'
const APPLY = 'litigation:plan:create'

const part = definePart({
  routes(router) {
    router.get('/plans', [Plans, 'index'], LIST)
    router.get('/plans/:id', [Plans, 'show'], LIST)
    // The applicant's acts; the service also checks they are the plan's applicant.
    router.post('/plans', [Plans, 'store'], APPLY)
    router.put('/plans/:id', [Plans, 'update'], APPLY)
    router.delete('/plans/:id', [Plans, 'destroy'], APPLY)
    router.post('/plans/:id/submit', [Plans, 'submit'], APPLY)
    router.get('/plan-facts', [Plans, 'facts'], APPLY)
    router.get('/plan-disposal-plans', [Plans, 'disposalPlans'], APPLY)
  },

  permissions: [],

  menus: [
    {
      code: 'litigation:plan-apply',
      type: 'page',
      name: { zh: '诉前方案申报', en: 'Pre-litigation Plans' },
      permission: APPLY,
      // ?id= opens the applicant's draft or returned plan for editing.
      page: 'litigation/plans/PlanApply',
      icon: 'EditPen',
      order: 10,
    },
    {
      code: 'litigation:plan-query',
      type: 'page',
      name: { zh: '诉前方案查询', en: 'Pre-litigation Plan Query' },
      permission: LIST,
      // ?id= opens one plan (the workflow's link for approvers).
      page: 'litigation/plans/PlanQuery',
      icon: 'Document',
      order: 11,
    },
  ],

  dictionaries: planDictionaries,

  settings: [
    {
      key: 'litigation.plan.prefillTimeoutMs',
      name: { zh: '诉前方案取数超时（毫秒）', en: 'Pre-litigation plan facts timeout (ms)' },
      type: 'number',
      default: '3000',
      description:
        '诉前方案申报时向核心系统（标的金额）、智能催收（催收记录）取数的单系统超时；超时即标记该部分暂不可用，表单照常保存',
    },
  ],

  workflowTypes: [litPlanWorkflowType],
})

export default part
