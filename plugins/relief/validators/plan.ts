/*
| Input of 债权减免: the plan form (申报), buckets prefill, payments (价款分配/还款),
| reversals (冲正), status changes (跟踪) and the rules. Amounts are yuan text
| with at most two decimals, dates real calendar dates; bad input is a 422.
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { calendarDate } from '#core/holidays/validators'
import { BUCKETS } from '../plan/buckets.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  debtorRole: '减免对象',
  guaranteeId: '保证人',
  releasesBorrower: '免除借款人责任',
  planDate: '方案日',
  bucketSource: '科目来源',
  bucketDate: '试算日',
  allocationOrder: '分配顺序',
  payAmount: '应还金额',
  paymentMode: '还款方式',
  instalments: '分期计划',
  dueDate: '到期日',
  conditions: '减免条件',
  relief: '减免金额',
  paidOn: '还款日',
  reason: '原因',
  loanIds: '借据',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  debtorRole: 'debtor',
  guaranteeId: 'guarantor',
  releasesBorrower: 'releases the borrower',
  planDate: 'plan date',
  bucketSource: 'bucket source',
  bucketDate: 'trial date',
  allocationOrder: 'allocation order',
  payAmount: 'amount to pay',
  paymentMode: 'payment mode',
  instalments: 'instalments',
  dueDate: 'due date',
  conditions: 'conditions',
  relief: 'relief',
  paidOn: 'paid on',
  reason: 'reason',
  loanIds: 'loans',
})

const MAX = '9999999999999.99'
const date = () => vine.string().trim().use(calendarDate())
const yuan = (min = '0.00') =>
  vine
    .string()
    .trim()
    .use(money({ min, max: MAX }))
const id = () => vine.number().withoutDecimals().min(1)

const bucketAmounts = () =>
  vine.object({
    penalty: yuan(),
    compound: yuan(),
    onInterest: yuan(),
    offInterest: yuan(),
    principal: yuan(),
  })

export const planFields = {
  debtorRole: vine.enum(['borrower', 'guarantor'] as const),
  customerId: id(),
  guaranteeId: id().nullable().optional(),
  releasesBorrower: vine.boolean().optional(),
  planDate: date(),
  bucketSource: vine.enum(['core', 'trial'] as const),
  bucketDate: date(),
  allocationOrder: vine.array(vine.enum(BUCKETS)).fixedLength(BUCKETS.length).distinct().optional(),
  loans: vine
    .array(
      vine.object({
        loanId: id(),
        relief: bucketAmounts(),
      })
    )
    .minLength(1)
    .maxLength(50),
  payAmount: yuan(),
  paymentMode: vine.enum(['single', 'instalments'] as const),
  instalments: vine
    .array(vine.object({ dueDate: date(), amount: yuan('0.01') }))
    .minLength(1)
    .maxLength(60),
  conditions: vine.string().trim().maxLength(2000).nullable().optional(),
}

export const planValidator = vine.compile(vine.object(planFields))

export const bucketsValidator = vine.compile(
  vine.object({
    loanIds: vine.array(id()).minLength(1).maxLength(50).distinct(),
    source: vine.enum(['core', 'trial'] as const),
    date: date(),
  })
)

export const paymentValidator = vine.compile(
  vine.object({
    amount: yuan('0.01'),
    paidOn: date(),
    remark: vine.string().trim().maxLength(500).optional(),
  })
)

export const reasonValidator = vine.compile(
  vine.object({ reason: vine.string().trim().minLength(2).maxLength(500) })
)

export const statusValidator = vine.compile(
  vine.object({
    status: vine.enum(['defaulted', 'terminated'] as const),
    reason: vine.string().trim().minLength(2).maxLength(500),
  })
)

export const ruleValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(100).optional(),
    enabled: vine.boolean({ strict: true }).optional(),
    // The rule's one parameter, checked against the rule in the controller.
    param: vine.string().trim().maxLength(64).nullable().optional(),
  })
)

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.string().trim().maxLength(16).optional(),
  })
)
