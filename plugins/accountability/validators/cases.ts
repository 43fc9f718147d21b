/*
| 责任认定 input: the list's filters, a case (customer, loans, loss, findings,
| dates, persons with role and penalty) and an evidence image. Roles and
| penalties are dictionary codes; amounts are yuan text (DECIMAL, never floats);
| dates are real calendar dates. Unknown fields — at the top and in each
| person — are refused by the controller (backend/validation/unknown_fields.ts).
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { calendarDate } from '#core/holidays/validators'
import { dictCode } from '#core/validation/dictionary_code'
import { money } from '#core/money/money_rule'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  customerId: '客户',
  loanIds: '借据',
  lossAmount: '损失金额',
  lossOn: '损失确认日期',
  determinedOn: '认定日期',
  findings: '认定事实',
  persons: '责任人',
  role: '角色',
  finding: '责任认定意见',
  penalty: '处理措施',
  penaltyAmount: '处罚金额',
  penaltyOn: '处理日期',
  fileName: '文件名',
  content: '文件内容',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  customerId: 'customer',
  loanIds: 'loans',
  lossAmount: 'loss amount',
  lossOn: 'loss date',
  determinedOn: 'determination date',
  findings: 'findings',
  persons: 'persons',
  role: 'role',
  finding: 'finding',
  penalty: 'penalty',
  penaltyAmount: 'penalty amount',
  penaltyOn: 'penalty date',
  fileName: 'file name',
  content: 'file content',
})

const date = () => vine.string().trim().use(calendarDate())
const amount = () =>
  vine
    .string()
    .trim()
    .use(money({ min: '0.01', max: '9999999999999999.99' }))

export const CASE_FIELDS = [
  'customerId',
  'loanIds',
  'lossAmount',
  'lossOn',
  'determinedOn',
  'findings',
  'persons',
] as const
export const PERSON_FIELDS = [
  'userId',
  'name',
  'role',
  'finding',
  'penalty',
  'penaltyAmount',
  'penaltyOn',
] as const

export const caseListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine
      .string()
      .trim()
      .use(dictCode({ type: 'accountability_status' }))
      .optional(),
    customerId: vine.number().withoutDecimals().positive().optional(),
  })
)

export const caseValidator = vine.compile(
  vine.object({
    customerId: vine.number().withoutDecimals().positive(),
    loanIds: vine
      .array(vine.number().withoutDecimals().positive())
      .minLength(1)
      .maxLength(200)
      .distinct(),
    lossAmount: amount(),
    lossOn: date(),
    determinedOn: date(),
    findings: vine.string().trim().minLength(2).maxLength(4000),
    persons: vine
      .array(
        vine.object({
          userId: vine.number().withoutDecimals().positive().nullable().optional(),
          name: vine.string().trim().minLength(1).maxLength(100).optional(),
          role: vine
            .string()
            .trim()
            .use(dictCode({ type: 'accountability_role' })),
          finding: vine.string().trim().minLength(2).maxLength(2000),
          penalty: vine
            .string()
            .trim()
            .use(dictCode({ type: 'accountability_penalty' })),
          penaltyAmount: amount().nullable().optional(),
          penaltyOn: date().nullable().optional(),
        })
      )
      .minLength(1)
      .maxLength(50),
  })
)

export const imageValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200),
    fileName: vine.string().trim().minLength(1).maxLength(200),
    /** base64, at most ~10 MB decoded. */
    content: vine.string().minLength(4).maxLength(14_000_000),
  })
)
