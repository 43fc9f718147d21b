import { definePart } from '#core/plugins/define_part'
import { proceedingDictionaries } from '../proceedings/dictionaries.js'
import { proceedingWorkflowType } from '../workflow/proceeding_type.js'

/*
| 诉中方案申报 (调解, 和解, 撤诉, 上诉, 申请保全/续封, 执行和解, 申请终本/恢复执行) within a
| case: add, modify, delete, view, start approval; an approved 和解/调解/执行和解 with
| an instalment schedule creates one deadline per instalment.
*/
const Proceedings = () => import('../controllers/proceeding_controller.js')
const LIST = 'litigation:proceeding:list'
const APPLY = 'litigation:proceeding:create'

const part = definePart({
  routes(router) {
    router.get('/proceedings', [Proceedings, 'index'], LIST)
    router.get('/proceedings/:id', [Proceedings, 'show'], LIST)
    router.post('/proceedings', [Proceedings, 'store'], APPLY)
    router.put('/proceedings/:id', [Proceedings, 'update'], APPLY)
    router.delete('/proceedings/:id', [Proceedings, 'destroy'], APPLY)
    router.post('/proceedings/:id/submit', [Proceedings, 'submit'], APPLY)
  },
  permissions: [
    { code: APPLY, name: { zh: '申报诉中方案', en: 'Apply for in-proceedings plans' } },
  ],
  menus: [
    {
      code: 'litigation:proceedings',
      type: 'page',
      name: { zh: '诉中方案申报', en: 'In-proceedings Plans' },
      permission: LIST,
      // ?id= opens one plan (the workflow's and the instalment deadlines' link).
      page: 'litigation/proceedings/Proceedings',
      icon: 'Finished',
      order: 50,
      children: [
        { code: APPLY, type: 'button', name: { zh: '申报', en: 'Apply' }, permission: APPLY },
      ],
    },
  ],
  dictionaries: proceedingDictionaries,
  workflowTypes: [proceedingWorkflowType],
})

export default part
