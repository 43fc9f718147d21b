import { definePart } from '#core/plugins/define_part'
import { caseDictionaries } from '../cases/dictionaries.js'
import { RENEWAL_LEAD_SETTING } from '../deadlines/case_deadlines.js'

/*
| 案件信息登记 (case register) with progress, hearings, judgments and 财产保全,
| and the deadlines they give. plugin.ts merges this part into the litigation
| manifest under 资产处置 › 诉讼管理.
*/
const Cases = () => import('../controllers/cases/case_controller.js')
const CaseForm = () => import('../controllers/cases/case_form_controller.js')
const CaseFiles = () => import('../controllers/cases/case_file_controller.js')

const LIST = 'litigation:case:list'
const CREATE = 'litigation:case:create'
const UPDATE = 'litigation:case:update'
const DELETE = 'litigation:case:delete'

const part = definePart({
  routes(router) {
    router.crud('cases', Cases, 'litigation:case')
    router.get('/case-parties', [CaseForm, 'parties'], CREATE)
    router.post('/cases/:id/progress', [Cases, 'addProgress'], UPDATE)
    router.post('/cases/:id/progress/:progressId/files', [CaseFiles, 'store'], UPDATE)
    router.get('/cases/:id/files/:fileId', [CaseFiles, 'show'], LIST)
    // The case's fees live in 费用管理 (expenses plugin); these read and add them for the case.
    router.get('/cases/:id/expenses', [Cases, 'expenses'], LIST)
    router.post('/cases/:id/expenses', [Cases, 'addExpense'], UPDATE)
    router.post('/cases/:id/hearings', [Cases, 'addHearing'], UPDATE)
    router.delete('/cases/:id/hearings/:recordId', [Cases, 'removeHearing'], UPDATE)
    router.post('/cases/:id/judgments', [Cases, 'addJudgment'], UPDATE)
    router.delete('/cases/:id/judgments/:recordId', [Cases, 'removeJudgment'], UPDATE)
    router.post('/cases/:id/preservations', [Cases, 'addPreservation'], UPDATE)
    router.delete('/cases/:id/preservations/:recordId', [Cases, 'removePreservation'], UPDATE)
  },

  permissions: [
    { code: CREATE, name: { zh: '登记诉讼案件', en: 'Register cases' } },
    { code: UPDATE, name: { zh: '修改诉讼案件与进展', en: 'Update cases and progress' } },
    { code: DELETE, name: { zh: '删除诉讼案件', en: 'Delete cases' } },
  ],

  menus: [
    {
      code: 'litigation:case-register',
      type: 'page',
      name: { zh: '案件信息登记', en: 'Case Register' },
      permission: LIST,
      // ?id= opens one case (deadline reminders and the ledger link here).
      page: 'litigation/cases/CaseRegister',
      icon: 'Files',
      order: 30,
      children: [
        {
          code: 'litigation:case:create',
          type: 'button',
          name: { zh: '登记', en: 'Register' },
          permission: CREATE,
        },
        {
          code: 'litigation:case:update',
          type: 'button',
          name: { zh: '修改/登记进展', en: 'Update' },
          permission: UPDATE,
        },
        {
          code: 'litigation:case:delete',
          type: 'button',
          name: { zh: '删除', en: 'Delete' },
          permission: DELETE,
        },
      ],
    },
  ],

  dictionaries: caseDictionaries,

  settings: [
    {
      key: RENEWAL_LEAD_SETTING,
      name: { zh: '续封提前提醒（工作日）', en: 'Renewal lead time (working days)' },
      type: 'number',
      default: '15',
      description: '财产保全到期前多少个工作日为申请续封的期限（提醒在此之前发出）',
    },
  ],
})

export default part
