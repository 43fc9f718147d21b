import { definePart } from '#core/plugins/define_part'
import { lawyerDictionaries } from '../lawyers/dictionaries.js'
import { engagementWorkflowType } from '../workflow/engagement_type.js'

/*
| 律师选聘: the registry of law firms and lawyers (licence numbers validated,
| specialities, panel status, rating, conflicts) and the engagement requests per
| 诉前方案 or case (apply, modify, delete drafts, view, approve; fixed, risk-based or
| mixed fee agreement), with lawyer fees paid recorded in 费用管理 (expenses plugin).
*/
const Lawyers = () => import('../controllers/lawyer_controller.js')

const REGISTRY = 'litigation:lawyer:list'
const MANAGE = 'litigation:lawyer:manage'
const LIST = 'litigation:engagement:list'
const APPLY = 'litigation:engagement:create'
const PAY = 'litigation:engagement:pay'

const part = definePart({
  routes(router) {
    router.get('/law-firms', [Lawyers, 'firms'], REGISTRY)
    router.get('/law-firms/:id', [Lawyers, 'firm'], REGISTRY)
    router.post('/law-firms', [Lawyers, 'saveFirm'], MANAGE)
    router.put('/law-firms/:id', [Lawyers, 'saveFirm'], MANAGE)
    router.get('/lawyers', [Lawyers, 'lawyers'], REGISTRY)
    router.get('/lawyers/:id', [Lawyers, 'lawyer'], REGISTRY)
    router.post('/lawyers', [Lawyers, 'saveLawyer'], MANAGE)
    router.put('/lawyers/:id', [Lawyers, 'saveLawyer'], MANAGE)

    router.get('/engagements', [Lawyers, 'index'], LIST)
    router.get('/engagements/:id', [Lawyers, 'show'], LIST)
    router.post('/engagements', [Lawyers, 'store'], APPLY)
    router.put('/engagements/:id', [Lawyers, 'update'], APPLY)
    router.delete('/engagements/:id', [Lawyers, 'destroy'], APPLY)
    router.post('/engagements/:id/submit', [Lawyers, 'submit'], APPLY)
    router.post('/engagements/:id/fee-due', [Lawyers, 'feeDue'], LIST)
    router.post('/engagements/:id/payments', [Lawyers, 'pay'], PAY)
  },

  permissions: [
    { code: MANAGE, name: { zh: '维护律所律师库', en: 'Maintain the lawyer registry' } },
    { code: APPLY, name: { zh: '申请律师选聘', en: 'Apply for a lawyer engagement' } },
    { code: PAY, name: { zh: '登记律师费支付', en: 'Record lawyer fee payments' } },
  ],

  menus: [
    {
      code: 'litigation:engagements',
      type: 'page',
      name: { zh: '律师选聘申请', en: 'Lawyer Engagements' },
      permission: LIST,
      // ?id= opens one engagement (the workflow's link for approvers).
      page: 'litigation/lawyers/Engagements',
      icon: 'Avatar',
      order: 20,
      children: [
        { code: APPLY, type: 'button', name: { zh: '申请', en: 'Apply' }, permission: APPLY },
        {
          code: PAY,
          type: 'button',
          name: { zh: '登记支付', en: 'Record payment' },
          permission: PAY,
        },
      ],
    },
    {
      code: 'litigation:lawyer-registry',
      type: 'page',
      name: { zh: '律所律师库', en: 'Law Firms and Lawyers' },
      permission: REGISTRY,
      page: 'litigation/lawyers/Registry',
      icon: 'OfficeBuilding',
      order: 21,
      children: [
        { code: MANAGE, type: 'button', name: { zh: '维护', en: 'Maintain' }, permission: MANAGE },
      ],
    },
  ],

  dictionaries: lawyerDictionaries,
  workflowTypes: [engagementWorkflowType],
})

export default part
