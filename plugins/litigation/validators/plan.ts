/* Inputs of the 诉前方案 routes (zh-CN / en field labels for the 422 messages). */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { dictCode } from '#core/validation/dictionary_code'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { PLAN_STATUSES } from '../plans/dictionaries.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  customerId: '客户',
  loanIds: '借据',
  caseType: '案件类型',
  judicialMethod: '司法方式',
  bankRole: '银行角色',
  businessSegment: '业务板块',
  claimPrincipal: '标的本金',
  claimInterest: '标的利息',
  amountReason: '金额调整原因',
  cause: '案由',
  applicationReason: '申请原因',
  disposalPlanId: '处置预案',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  customerId: 'customer',
  loanIds: 'loans',
  caseType: 'case type',
  judicialMethod: 'judicial method',
  bankRole: 'bank role',
  businessSegment: 'business segment',
  claimPrincipal: 'claim principal',
  claimInterest: 'claim interest',
  amountReason: 'reason for the amount change',
  cause: 'cause of action',
  applicationReason: 'reasons for the application',
  disposalPlanId: 'disposal plan',
})

const id = () => vine.number().withoutDecimals().min(1)
const yuan = () =>
  vine
    .string()
    .trim()
    .use(money({ min: '0', max: '9999999999999.99' }))

export const LIT_PLAN_FIELDS = [
  'customerId',
  'loanIds',
  'caseType',
  'judicialMethod',
  'bankRole',
  'businessSegment',
  'claimPrincipal',
  'claimInterest',
  'amountReason',
  'cause',
  'applicationReason',
  'disposalPlanId',
] as const

export const litPlanValidator = vine.compile(
  vine.object({
    customerId: id(),
    loanIds: vine.array(id()).minLength(1).maxLength(200),
    caseType: vine
      .string()
      .trim()
      .use(dictCode({ type: 'litigation_case_type' })),
    judicialMethod: vine
      .string()
      .trim()
      .use(dictCode({ type: 'litigation_judicial_method' })),
    bankRole: vine
      .string()
      .trim()
      .use(dictCode({ type: 'litigation_bank_role' })),
    businessSegment: vine
      .string()
      .trim()
      .use(dictCode({ type: 'litigation_business_segment' })),
    claimPrincipal: yuan().optional(),
    claimInterest: yuan().optional(),
    amountReason: vine.string().trim().maxLength(1000).optional(),
    cause: vine.string().trim().minLength(1).maxLength(200),
    applicationReason: vine.string().trim().minLength(1).maxLength(4000),
    disposalPlanId: id().optional(),
  })
)

/** `loanIds` as a comma list in the query string. */
export const litPlanFactsValidator = vine.compile(
  vine.object({
    customerId: id(),
    loanIds: vine
      .string()
      .trim()
      .regex(/^\d{1,10}(,\d{1,10}){0,199}$/),
  })
)

export const litPlanCustomerValidator = vine.compile(vine.object({ customerId: id() }))

export const litPlanListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    sort: vine.string().trim().maxLength(64).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
    status: vine.enum(PLAN_STATUSES.map(([code]) => code)).optional(),
    caseType: vine.string().trim().maxLength(32).optional(),
    judicialMethod: vine.string().trim().maxLength(32).optional(),
    customerId: id().optional(),
    createdFrom: vine.string().trim().use(calendarDate()).optional(),
    createdTo: vine.string().trim().use(calendarDate()).optional(),
    mine: vine.boolean().optional(),
  })
)
