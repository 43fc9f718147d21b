/* Inputs of the 处置预案 routes (zh-CN / en field labels for the 422 messages). */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { PLAN_STATUSES } from '../plans/dictionaries.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  customerId: '客户',
  loanIds: '借据',
  method: '处置方式',
  expectedRecovery: '预计回收金额',
  reasons: '处置理由',
  createdFrom: '申请日期起',
  createdTo: '申请日期止',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  customerId: 'customer',
  loanIds: 'loans',
  method: 'disposal method',
  expectedRecovery: 'expected recovery',
  reasons: 'reasons',
  createdFrom: 'applied from',
  createdTo: 'applied to',
})

const id = () => vine.number().withoutDecimals().min(1)

export const planValidator = vine.compile(
  vine.object({
    customerId: id(),
    loanIds: vine.array(id()).minLength(1).maxLength(200),
    method: vine.string().trim().maxLength(32),
    // 预计回收金额 in yuan; 0 is allowed (核销 may expect nothing back).
    expectedRecovery: vine
      .string()
      .trim()
      .use(money({ min: '0', max: '9999999999999.99' })),
    reasons: vine.string().trim().minLength(1).maxLength(4000),
  })
)

export const customerSearchValidator = vine.compile(
  vine.object({
    keyword: vine.string().trim().minLength(1).maxLength(100).optional(),
  })
)

/** `loanIds` as a comma list in the query string (GET keeps the prefill cacheable and repeatable). */
export const prefillValidator = vine.compile(
  vine.object({
    customerId: id(),
    loanIds: vine
      .string()
      .trim()
      .regex(/^\d{1,10}(,\d{1,10}){0,199}$/),
  })
)

export const planListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    sort: vine.string().trim().maxLength(64).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
    status: vine.enum(PLAN_STATUSES.map(([code]) => code)).optional(),
    method: vine.string().trim().maxLength(32).optional(),
    /** Org subtree (机构及下级). */
    orgId: id().optional(),
    createdFrom: vine.string().trim().use(calendarDate()).optional(),
    createdTo: vine.string().trim().use(calendarDate()).optional(),
    mine: vine.boolean().optional(),
    /** One customer's plans (客户视图's 处置预案 panel). */
    customerId: id().optional(),
  })
)
