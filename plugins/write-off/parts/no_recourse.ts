import { definePart } from '#core/plugins/define_part'
import { noRecourseWorkflowType } from '../workflow/plan_type.js'

/* 无追索权认定: register with evidence, approve through the workflow. */
const NoRecourse = () => import('../controllers/no_recourse_controller.js')
const LIST = 'write-off:no-recourse:list'
const CREATE = 'write-off:no-recourse:create'

const part = definePart({
  routes(router) {
    router.get('/no-recourse', [NoRecourse, 'index'], LIST)
    router.get('/no-recourse/:id', [NoRecourse, 'show'], LIST)
    router.get('/no-recourse-items/:itemId/evidence', [NoRecourse, 'evidence'], LIST)
    router.post('/no-recourse', [NoRecourse, 'store'], CREATE)
  },
  menus: [
    {
      code: 'write-off:no-recourse',
      type: 'page',
      name: { zh: '无追索权认定', en: 'No-recourse Determination' },
      permission: LIST,
      page: 'write-off/NoRecourse',
      icon: 'CircleClose',
      children: [
        { code: CREATE, type: 'button', name: { zh: '认定', en: 'Determine' }, permission: CREATE },
      ],
    },
  ],
  workflowTypes: [noRecourseWorkflowType],
})

export default part
