/*
| Input of POST /api/disposal/interest-trial (利息试算). Field-level checks only;
| rules that need several fields at once (asOf after start, a rate in force on
| the start date, a complete allocation order) are the service's
| TrialInputError, answered as the same 422 shape.
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { calendarDate } from '#core/holidays/validators'
import { money } from '#core/money/money_rule'
import { BUCKETS } from '../interest/types.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  start: '起息日',
  asOf: '试算日',
  rates: '利率',
  from: '生效日',
  annualRate: '年利率',
  penaltySurcharge: '罚息上浮比例',
  installments: '还本计划',
  dueDate: '到期日',
  principal: '本金',
  interestDueDates: '结息日',
  repayments: '还款记录',
  order: '冲抵顺序',
  compoundOnPenalty: '罚息计复利',
  stopDate: '停息日',
  delayedPerformance: '迟延履行',
  deadline: '履行期限届满日',
  debt: '判决金钱债务',
  loanId: '借据',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  start: 'start date',
  asOf: 'as-of date',
  rates: 'rates',
  from: 'effective date',
  annualRate: 'annual rate',
  penaltySurcharge: 'penalty surcharge',
  installments: 'instalments',
  dueDate: 'due date',
  principal: 'principal',
  interestDueDates: 'interest due dates',
  repayments: 'repayments',
  order: 'allocation order',
  compoundOnPenalty: 'compound on penalty',
  stopDate: 'stop date',
  delayedPerformance: 'delayed performance',
  deadline: 'performance deadline',
  debt: 'judgment debt',
  loanId: 'loan',
})

const date = () => vine.string().trim().use(calendarDate())
/** A non-negative decimal fraction such as "0.0435" (an annual rate) or "0.5" (a surcharge). */
const fraction = () =>
  vine
    .string()
    .trim()
    .regex(/^(0|[1-9]\d{0,2})(\.\d{1,10})?$/)
const yuan = () =>
  vine
    .string()
    .trim()
    .use(money({ min: '0' }))

export const interestTrialValidator = vine.compile(
  vine.object({
    start: date(),
    asOf: date(),
    rates: vine
      .array(vine.object({ from: date(), annualRate: fraction() }))
      .minLength(1)
      .maxLength(100),
    penaltySurcharge: fraction().optional(),
    installments: vine.array(vine.object({ dueDate: date(), principal: yuan() })).maxLength(600),
    interestDueDates: vine.array(date()).maxLength(1200).optional(),
    repayments: vine
      .array(vine.object({ date: date(), amount: yuan() }))
      .maxLength(2000)
      .optional(),
    order: vine.array(vine.enum(BUCKETS)).optional(),
    compoundOnPenalty: vine.boolean().optional(),
    stopDate: date().optional(),
    delayedPerformance: vine.object({ deadline: date(), debt: yuan() }).optional(),
  })
)

export const loanSearchValidator = vine.compile(
  vine.object({ keyword: vine.string().trim().maxLength(100).optional() })
)
