import { definePart } from '#core/plugins/define_part'

/*
| 合规审查 and the rules behind it: 核销条件 as configurable records
| (财金〔2017〕90号), the evidence documents on the 影像平台, the review with
| its opinion and the 审查意见书.
*/
const Reviews = () => import('../controllers/reviews_controller.js')
const Subjects = () => import('../controllers/subjects_controller.js')
const Rules = () => import('../controllers/rules_controller.js')

const LIST = 'write-off:review:list'
const CREATE = 'write-off:review:create'
const EVIDENCE = 'write-off:evidence:create'
const RULES = 'write-off:rule:list'
const RULES_EDIT = 'write-off:rule:update'

const part = definePart({
  routes(router) {
    router.get('/reviews', [Reviews, 'index'], LIST)
    router.get('/reviews/:id', [Reviews, 'show'], LIST)
    router.get('/reviews/:id/pdf', [Reviews, 'pdf'], LIST)
    router.post('/reviews', [Reviews, 'store'], CREATE)
    router.post('/reviews/:id/recheck', [Reviews, 'recheck'], CREATE)
    router.post('/reviews/:id/opinion', [Reviews, 'opinion'], CREATE)
    // Subjects (loans and card accounts) for every page of the plugin.
    router.get('/subjects/picker', [Subjects, 'picker'], LIST)
    router.get('/subjects/detail', [Subjects, 'show'], LIST)
    router.get('/subjects/imaging', [Subjects, 'imaging'], LIST)
    router.post('/evidence/upload', [Subjects, 'upload'], EVIDENCE)
    router.post('/evidence/link', [Subjects, 'link'], EVIDENCE)
    router.get('/rules', [Rules, 'index'], LIST)
    router.put('/rules/:id', [Rules, 'update'], RULES_EDIT)
  },

  permissions: [{ code: EVIDENCE, name: { zh: '上传核销资料', en: 'Upload write-off evidence' } }],

  menus: [
    {
      code: 'write-off:review',
      type: 'page',
      name: { zh: '合规审查', en: 'Compliance Review' },
      permission: LIST,
      page: 'write-off/Review',
      icon: 'DocumentChecked',
      children: [
        {
          code: 'write-off:review:create',
          type: 'button',
          name: { zh: '审查', en: 'Review' },
          permission: CREATE,
        },
      ],
    },
    {
      code: 'write-off:rules',
      type: 'page',
      name: { zh: '核销条件配置', en: 'Write-off Conditions' },
      permission: RULES,
      page: 'write-off/Rules',
      icon: 'Setting',
      order: 90,
      children: [
        {
          code: 'write-off:rule:update',
          type: 'button',
          name: { zh: '修改', en: 'Edit' },
          permission: RULES_EDIT,
        },
      ],
    },
  ],

  documentTemplates: [
    {
      code: 'review',
      name: { zh: '核销合规审查意见书', en: 'Compliance review opinion' },
      file: 'documents/review.hbs',
    },
  ],
})

export default part
