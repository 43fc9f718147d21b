import { definePart } from '#core/plugins/define_part'
import { planDictionaries } from '../plans/dictionaries.js'
import { planWorkflowType } from '../workflow/plan_type.js'

/*
| 处置预案 (disposal plans): apply with real-time facts, approve through the
| core workflow, query, print, export; and the 动态司法流程报告. plugin.ts
| merges this part into the disposal manifest under 资产处置 › 处置管理.
*/
const Plans = () => import('../controllers/plan_controller.js')
const PlanForm = () => import('../controllers/plan_form_controller.js')
const PlanDocuments = () => import('../controllers/plan_document_controller.js')
const JudicialReport = () => import('../controllers/plan_judicial_report_controller.js')

const LIST = 'disposal:plan:list'
const APPLY = 'disposal:plan:create'
const EXPORT = 'disposal:plan:export'
const REPORT = 'disposal:judicial-report:list'

const part = definePart({
  routes(router) {
    router.get('/plans', [Plans, 'index'], LIST)
    router.get('/plans/:id', [Plans, 'show'], LIST)
    router.get('/plan-org-options', [PlanForm, 'orgOptions'], LIST)
    router.get('/plans/:id/pdf', [PlanDocuments, 'pdf'], LIST)
    router.post('/plans-export', [PlanDocuments, 'export'], EXPORT)
    // The applicant's acts; the service also checks they are the plan's applicant.
    router.post('/plans', [Plans, 'store'], APPLY)
    router.put('/plans/:id', [Plans, 'update'], APPLY)
    router.post('/plans/:id/submit', [Plans, 'submit'], APPLY)
    router.get('/plan-customers', [PlanForm, 'customers'], APPLY)
    router.get('/plan-customers/:id/loans', [PlanForm, 'loans'], APPLY)
    router.get('/plan-prefill', [PlanForm, 'prefill'], APPLY)
    router.get('/judicial-report/customers', [JudicialReport, 'customers'], REPORT)
    router.get('/judicial-report/:customerId', [JudicialReport, 'show'], REPORT)
    router.get('/judicial-report/:customerId/pdf', [JudicialReport, 'pdf'], REPORT)
  },

  permissions: [{ code: EXPORT, name: { zh: '导出处置预案', en: 'Export disposal plans' } }],

  menus: [
    {
      code: 'disposal:plan-apply',
      type: 'page',
      name: { zh: '处置预案申请', en: 'Apply for a Disposal Plan' },
      permission: APPLY,
      // ?id= opens the applicant's draft or returned plan for editing.
      page: 'disposal/PlanApply',
      icon: 'EditPen',
    },
    {
      code: 'disposal:plan-query',
      type: 'page',
      name: { zh: '处置预案查询', en: 'Disposal Plans' },
      permission: LIST,
      // ?id= opens one plan (the workflow's link for approvers).
      page: 'disposal/PlanQuery',
      icon: 'Document',
      children: [
        {
          code: 'disposal:plan:export',
          type: 'button',
          name: { zh: '导出', en: 'Export' },
          permission: EXPORT,
        },
      ],
    },
    {
      code: 'disposal:judicial-report',
      type: 'page',
      name: { zh: '动态司法流程报告', en: 'Judicial Timeline Report' },
      permission: REPORT,
      page: 'disposal/PlanJudicialReport',
      icon: 'Tickets',
    },
  ],

  dictionaries: planDictionaries,

  settings: [
    {
      key: 'disposal.plan.prefillTimeoutMs',
      name: { zh: '预案实时数据超时（毫秒）', en: 'Plan prefill timeout (ms)' },
      type: 'number',
      default: '3000',
      description:
        '处置预案申请时向核心系统、统一授信、智能预警、智能风控取数的单系统超时；超时即标记该部分暂不可用，表单照常打开',
    },
  ],

  jobs: [{ name: 'disposal:plan-export', handler: () => import('../plans/plan_export_job.js') }],

  workflowTypes: [planWorkflowType],

  dashboardWidgets: [
    {
      id: 'disposal:plans-by-status',
      title: { zh: '处置预案分布', en: 'Disposal plans' },
      permission: LIST,
      data: () => import('../dashboard/plans_by_status.js'),
      view: 'disposal/plans_by_status',
      defaultSize: { w: 6, h: 8 },
      defaultOn: true,
    },
  ],

  documentTemplates: [
    {
      code: 'plan',
      name: { zh: '处置预案审批表', en: 'Disposal plan form' },
      file: 'documents/plan.hbs',
    },
    {
      code: 'judicial-report',
      name: { zh: '动态司法流程报告', en: 'Judicial timeline report' },
      file: 'documents/judicial_report.hbs',
    },
  ],
})

export default part
