/* Inputs of 资产重组's routes (zh-CN / en field labels for the 422 messages). */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { METHODS, PLAN_STATUSES } from '../plans/dictionaries.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  effectiveOn: '生效日期',
  newMaturityDate: '新到期日',
  newRate: '新利率',
  newLoanNo: '新借据号',
  equityAmount: '转股金额',
  terms: '重组条件',
  checkedOn: '跟踪日期',
  performing: '是否正常履约',
  overdueDays: '逾期天数',
  remark: '说明',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  effectiveOn: 'effective date',
  newMaturityDate: 'new maturity date',
  newRate: 'new rate',
  newLoanNo: 'new loan no.',
  equityAmount: 'amount converted to equity',
  terms: 'terms',
  checkedOn: 'check date',
  performing: 'performing',
  overdueDays: 'overdue days',
  remark: 'remark',
})

const codes = (rows: readonly (readonly string[])[]) => rows.map((r) => r[0])
const date = () => vine.string().trim().use(calendarDate())

export const planValidator = vine.compile(
  vine.object({
    loanIds: vine.array(vine.number().withoutDecimals().min(1)).minLength(1).maxLength(200),
    method: vine.enum(
      codes(METHODS) as ['extension', 'refinance', 'reschedule', 'guarantee', 'debt_equity']
    ),
    effectiveOn: date(),
    newMaturityDate: date().nullable().optional(),
    // Annual rate as a decimal fraction, up to 6 places (0.045 = 4.5 %).
    newRate: vine
      .string()
      .trim()
      .regex(/^0(\.\d{1,6})?$/)
      .nullable()
      .optional(),
    newLoanNo: vine.string().trim().maxLength(64).nullable().optional(),
    equityAmount: vine
      .string()
      .trim()
      .use(money({ min: '0.01' }))
      .nullable()
      .optional(),
    terms: vine.string().trim().maxLength(4000).nullable().optional(),
    reasons: vine.string().trim().minLength(1).maxLength(4000),
  })
)

export const checkValidator = vine.compile(
  vine.object({
    checkedOn: date(),
    performing: vine.boolean(),
    overdueDays: vine.number().withoutDecimals().min(0).max(36500),
    remark: vine.string().trim().minLength(1).maxLength(1000),
  })
)

export const closeValidator = vine.compile(
  vine.object({ remark: vine.string().trim().minLength(1).maxLength(1000) })
)

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(codes(PLAN_STATUSES)).optional(),
    method: vine.enum(codes(METHODS)).optional(),
  })
)
