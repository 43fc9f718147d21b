import { definePart } from '#core/plugins/define_part'
import { writeOffDictionaries } from '../plans/dictionaries.js'
import { planWorkflowType } from '../workflow/plan_type.js'

/*
| 核销方案申报 (single), 批量核销方案申报, 上会材料上传及借据关联, 核销批复 and
| 账务处理: the plan's way from draft through approval (and the committee) to
| its 批复, the postings to core banking and the 贷款核销通知单.
*/
const Plans = () => import('../controllers/plans_controller.js')
const Replies = () => import('../controllers/replies_controller.js')
const Materials = () => import('../controllers/materials_controller.js')

const LIST = 'write-off:plan:list'
const CREATE = 'write-off:plan:create'
const MATERIALS = 'write-off:material:create'
const REPLY = 'write-off:reply:create'
const POSTINGS = 'write-off:posting:list'
const RETRY = 'write-off:posting:update'

const page = (
  code: string,
  zh: string,
  en: string,
  permission: string,
  key: string,
  icon: string,
  children: any[] = []
) => ({
  code,
  type: 'page' as const,
  name: { zh, en },
  permission,
  page: key,
  icon,
  children,
})

const button = (code: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission: code,
})

const part = definePart({
  routes(router) {
    router.get('/plans', [Plans, 'index'], LIST)
    router.get('/plans/:id', [Plans, 'show'], LIST)
    router.get('/plans/:id/report', [Plans, 'report'], LIST)
    router.post('/plans', [Plans, 'store'], CREATE)
    router.post('/plans/:id/submit', [Plans, 'submit'], CREATE)
    router.post('/plans/:id/materials', [Materials, 'store'], MATERIALS)
    router.put('/plans/:id/materials/:materialId', [Materials, 'link'], MATERIALS)
    router.post('/plans/:id/reply', [Replies, 'reply'], REPLY)
    router.post('/plans/:id/execute', [Replies, 'execute'], REPLY)
    router.get('/plans/:id/reply-pdf', [Replies, 'replyPdf'], LIST)
    router.get('/plans/:id/postings', [Replies, 'postings'], POSTINGS)
    router.post('/plans/:id/postings/:postingId/retry', [Replies, 'retry'], RETRY)
    router.get('/plans/:id/notice', [Replies, 'notice'], POSTINGS)
  },

  permissions: [{ code: LIST, name: { zh: '查看核销方案', en: 'View write-off plans' } }],

  menus: [
    page(
      'write-off:plan-apply',
      '核销方案申报',
      'Write-off Plan',
      CREATE,
      'write-off/PlanApply',
      'EditPen'
    ),
    page(
      'write-off:batch-apply',
      '批量核销方案申报',
      'Batch Write-off Plan',
      CREATE,
      'write-off/BatchApply',
      'Files'
    ),
    page(
      'write-off:materials',
      '上会材料上传及借据关联',
      'Committee Materials',
      MATERIALS,
      'write-off/CommitteeMaterials',
      'Upload'
    ),
    page('write-off:replies', '核销批复', 'Write-off Replies', LIST, 'write-off/Replies', 'Stamp', [
      button(REPLY, '下发批复', 'Issue reply'),
    ]),
    page('write-off:postings', '账务处理', 'Postings', POSTINGS, 'write-off/Postings', 'Money', [
      button(RETRY, '重发', 'Retry'),
    ]),
  ],

  dictionaries: writeOffDictionaries,

  settings: [
    {
      key: 'write-off.committeeThreshold',
      name: { zh: '核销上会金额（元）', en: 'Committee threshold (yuan)' },
      type: 'amount',
      default: '5000000.00',
      description: '核销方案合计金额达到该金额的，审批通过后须提交资产处置委员会审议',
    },
    {
      key: 'write-off.replyInlineMax',
      name: { zh: '批复即时执行笔数上限', en: 'Subjects executed with the reply' },
      type: 'number',
      default: '200',
      description:
        '核销方案笔数不超过该值的，下发批复时即完成核销和记账；超过的在后台分批执行并显示进度',
    },
    {
      key: 'write-off.postingAccounts',
      name: { zh: '核销记账科目', en: 'Write-off posting accounts' },
      type: 'json',
      default: JSON.stringify({
        principal: '13010101',
        on_balance_interest: '11320101',
        off_balance_interest: '70010101',
        fee: '13030101',
      }),
      description: '核销记账时本金、表内利息、表外利息、费用对应的核心系统科目号',
    },
  ],

  // A replied batch above write-off.replyInlineMax subjects executes chunk by chunk.
  jobs: [
    {
      name: 'write-off:execute-reply',
      handler: () => import('../jobs/execute_reply.js'),
      attempts: 3,
      lane: 'batch',
    },
  ],

  workflowTypes: [planWorkflowType],

  documentTemplates: [
    {
      code: 'report',
      name: { zh: '核销报告', en: 'Write-off report' },
      file: 'documents/report.hbs',
      landscape: true,
    },
    { code: 'reply', name: { zh: '核销批复', en: 'Write-off reply' }, file: 'documents/reply.hbs' },
    {
      code: 'notice',
      name: { zh: '贷款核销通知单', en: 'Write-off notice' },
      file: 'documents/notice.hbs',
    },
  ],
})

export default part
