/* Inputs of the 诉中方案 routes. */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { dictCode } from '#core/validation/dictionary_code'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { PLAN_STATUSES } from '../plans/dictionaries.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  caseId: '案件',
  proceedingKind: '方案类型',
  content: '方案内容',
  instalments: '分期履行计划',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  caseId: 'case',
  proceedingKind: 'plan kind',
  content: 'plan content',
  instalments: 'instalment schedule',
})

const id = () => vine.number().withoutDecimals().min(1)
const yuan = (min: string) =>
  vine
    .string()
    .trim()
    .use(money({ min, max: '9999999999999.99' }))

export const PROCEEDING_FIELDS = [
  'caseId',
  'kind',
  'amount',
  'content',
  'applicationReason',
  'instalments',
] as const

export const proceedingValidator = vine.compile(
  vine.object({
    caseId: id(),
    kind: vine
      .string()
      .trim()
      .use(dictCode({ type: 'litigation_proceeding_kind' })),
    // 方案金额: 0 where the kind has none (撤诉, 申请终本).
    amount: yuan('0'),
    content: vine.string().trim().minLength(1).maxLength(4000),
    applicationReason: vine.string().trim().minLength(1).maxLength(4000),
    instalments: vine
      .array(
        vine.object({
          dueDate: vine.string().trim().use(calendarDate()),
          amount: yuan('0.01'),
        })
      )
      .maxLength(120)
      .optional(),
  })
)

export const proceedingListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(PLAN_STATUSES.map(([code]) => code)).optional(),
    kind: vine.string().trim().maxLength(24).optional(),
    caseId: id().optional(),
  })
)
