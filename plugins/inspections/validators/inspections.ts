/*
| 日常检查 input: plans (frequency, five-class, balance band in yuan text), the
| checklists, 非定期检查, results with their answers and optional reclassification
| proposal, evidence files (base64) and batch filters. Unknown body fields are
| refused by the controllers (backend/validation/unknown_fields.ts).
*/
import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { calendarDate } from '#core/holidays/validators'
import { dictCode } from '#core/validation/dictionary_code'
import { money } from '#core/money/money_rule'
import { CHECK_ITEMS } from '../services/checklists.js'
import { FREQUENCIES } from '../services/periods.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  frequency: '检查频率',
  fiveClass: '五级分类',
  minBalance: '余额下限（元）',
  maxBalance: '余额上限（元）',
  items: '检查事项',
  points: '检查清单',
  evidenceRequired: '须上传影像',
  assigneeId: '检查人',
  reason: '检查原因',
  answers: '检查结果',
  finding: '检查结论',
  conclusion: '检查意见',
  toClass: '建议分类',
  customerTypes: '客户类型',
  fiveClasses: '五级分类',
  minOverdueDays: '最低逾期天数',
  limit: '户数上限',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  frequency: 'frequency',
  fiveClass: 'five-class',
  minBalance: 'minimum balance',
  maxBalance: 'maximum balance',
  items: 'check items',
  points: 'checklist',
  evidenceRequired: 'evidence required',
  assigneeId: 'inspector',
  reason: 'reason',
  answers: 'answers',
  finding: 'finding',
  conclusion: 'conclusion',
  toClass: 'proposed class',
  customerTypes: 'customer types',
  fiveClasses: 'five-classes',
  minOverdueDays: 'minimum overdue days',
  limit: 'limit',
})

const id = () => vine.number().withoutDecimals().min(1)
const fiveClass = () =>
  vine
    .string()
    .trim()
    .use(dictCode({ type: 'credit_assets_five_class' }))
const yuan = () =>
  vine
    .string()
    .trim()
    .use(money({ min: '0.00', max: '9999999999999.99' }))
const items = () => vine.array(vine.enum(CHECK_ITEMS)).minLength(1).maxLength(5).distinct()

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.string().trim().maxLength(16).optional(),
    kind: vine.string().trim().maxLength(16).optional(),
    finding: vine.enum(['normal', 'attention', 'risk']).optional(),
    mine: vine.boolean().optional(),
    sort: vine.string().trim().maxLength(32).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

export const PLAN_FIELDS = [
  'name',
  'frequency',
  'fiveClass',
  'minBalance',
  'maxBalance',
  'items',
  'active',
]
export const planValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(100),
    frequency: vine.enum(FREQUENCIES),
    fiveClass: fiveClass().nullable().optional(),
    minBalance: yuan().nullable().optional(),
    maxBalance: yuan().nullable().optional(),
    items: items(),
    active: vine.boolean().optional(),
  })
)

export const checklistValidator = vine.compile(
  vine.object({
    points: vine
      .array(
        vine.object({
          code: vine
            .string()
            .trim()
            .regex(/^[a-z][a-z0-9_]{1,31}$/),
          label: vine.string().trim().minLength(2).maxLength(200),
          evidenceRequired: vine.boolean(),
        })
      )
      .minLength(1)
      .maxLength(30),
  })
)

export const TASK_FIELDS = ['customerId', 'items', 'dueOn', 'reason', 'assigneeId']
export const taskValidator = vine.compile(
  vine.object({
    customerId: id(),
    items: items(),
    dueOn: vine.string().trim().use(calendarDate()),
    reason: vine.string().trim().minLength(2).maxLength(500),
    assigneeId: id().optional(),
  })
)

export const RESULT_FIELDS = ['answers', 'finding', 'conclusion', 'proposal']
export const resultValidator = vine.compile(
  vine.object({
    answers: vine
      .array(
        vine.object({
          item: vine.enum(CHECK_ITEMS),
          point: vine.string().trim().maxLength(32),
          ok: vine.boolean(),
          note: vine.string().trim().maxLength(500).optional(),
        })
      )
      .minLength(1)
      .maxLength(150),
    finding: vine.enum(['normal', 'attention', 'risk']),
    conclusion: vine.string().trim().minLength(2).maxLength(1000),
    proposal: vine
      .object({
        loanId: id(),
        toClass: fiveClass(),
        reason: vine.string().trim().minLength(2).maxLength(500),
      })
      .optional(),
  })
)

export const EVIDENCE_FIELDS = ['item', 'point', 'title', 'fileName', 'content']
export const evidenceValidator = vine.compile(
  vine.object({
    item: vine.enum(CHECK_ITEMS),
    point: vine.string().trim().maxLength(32),
    title: vine.string().trim().minLength(1).maxLength(200),
    fileName: vine.string().trim().minLength(1).maxLength(200),
    /** base64, at most ~10 MB decoded. */
    content: vine.string().minLength(4).maxLength(14_000_000),
  })
)

export const BATCH_FIELDS = ['filter', 'items']
export const FILTER_FIELDS = ['customerTypes', 'orgId', 'fiveClasses', 'minOverdueDays', 'limit']
const filter = vine.object({
  customerTypes: vine
    .array(vine.enum(['individual', 'online'] as const))
    .minLength(1)
    .distinct(),
  orgId: id().optional(),
  fiveClasses: vine.array(fiveClass()).maxLength(5).distinct().optional(),
  minOverdueDays: vine.number().withoutDecimals().range([0, 100000]).optional(),
  limit: vine.number().withoutDecimals().range([1, 10000]).optional(),
})
export const batchValidator = vine.compile(vine.object({ filter, items: items() }))
export const previewValidator = vine.compile(vine.object({ filter }))

export { refusedUnknown } from '#core/validation/unknown_fields'

/** Answers 422 with one field message and returns true. */
export function fieldError(ctx: HttpContext, field: string, zh: string, en: string): true {
  ctx.response.status(422).send({
    message: ctx.i18n('validation.failed'),
    errors: [{ field, rule: 'inspections', message: ctx.locale === 'en' ? en : zh }],
  })
  return true
}
