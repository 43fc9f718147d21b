/*
| Input of 费用管理: the console's form and list, and the public service's
| recordExpense (strict like a route: unknown fields refused, amounts yuan text
| with at most two decimals and above zero, real calendar dates, dictionary codes).
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { dictCode } from '#core/validation/dictionary_code'
import { calendarDate } from '#core/holidays/validators'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  feeKind: '费用类型',
  customerId: '客户',
  loanIds: '借据',
  payer: '付款方',
  payee: '收款方',
  amount: '金额',
  expenseDate: '费用日期',
  recoverable: '可向债务人收回',
  paidOn: '支付日期',
  recoveredOn: '收回日期',
  requestKey: '请求标识',
  expenseDateFrom: '费用日期自',
  expenseDateTo: '费用日期至',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  feeKind: 'fee kind',
  customerId: 'customer',
  loanIds: 'loans',
  payer: 'payer',
  payee: 'payee',
  amount: 'amount',
  expenseDate: 'expense date',
  recoverable: 'recoverable from the debtor',
  paidOn: 'paid on',
  recoveredOn: 'recovered on',
  requestKey: 'request key',
  expenseDateFrom: 'from',
  expenseDateTo: 'to',
})

export const MAX_AMOUNT = '9999999999999.99'
const date = () => vine.string().trim().use(calendarDate())
const amount = () =>
  vine
    .string()
    .trim()
    .use(money({ min: '0.01', max: MAX_AMOUNT }))
const id = () => vine.number().withoutDecimals().min(1)

const expenseFields = {
  feeKind: vine
    .string()
    .trim()
    .use(dictCode({ type: 'expenses_fee_kind' })),
  customerId: id(),
  loanIds: vine.array(id()).maxLength(200).distinct().optional(),
  payer: vine.string().trim().minLength(1).maxLength(200),
  payee: vine.string().trim().minLength(1).maxLength(200),
  amount: amount(),
  expenseDate: date(),
  recoverable: vine.boolean(),
  remark: vine.string().trim().maxLength(500).nullable().optional(),
}

const sourceFields = {
  plugin: vine
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/),
  kind: vine.string().trim().minLength(1).maxLength(40),
  id: vine.string().trim().minLength(1).maxLength(64),
  label: vine.string().trim().maxLength(200).optional(),
  /** An internal console path only: the list and the ledger link to it. */
  link: vine
    .string()
    .trim()
    .maxLength(300)
    .regex(/^\/[^/\\]/)
    .optional(),
}

/** 费用申请 from the console (POST /expenses, PUT /expenses/:id for a returned one). */
export const expenseValidator = vine.compile(vine.object(expenseFields))

/** recordExpense from another plugin. */
export const recordExpenseValidator = vine.compile(
  vine.object({
    ...expenseFields,
    source: vine.object(sourceFields),
    requestKey: vine.string().trim().minLength(1).maxLength(128).optional(),
    operatorId: id(),
  })
)

export const payValidator = vine.compile(
  vine.object({ paidOn: date(), remark: vine.string().trim().maxLength(500).optional() })
)

export const recoverValidator = vine.compile(
  vine.object({ recoveredOn: date(), remark: vine.string().trim().maxLength(500).optional() })
)

export const EXPENSE_SORTS = ['expenseDate', 'amount', 'expenseNo', 'createdAt'] as const

export const expenseListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    sort: vine.enum(EXPENSE_SORTS).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
    feeKind: vine.string().trim().maxLength(32).optional(),
    status: vine.string().trim().maxLength(16).optional(),
    recoverable: vine.boolean().optional(),
    expenseDateFrom: date().optional(),
    expenseDateTo: date().optional(),
    orgId: id().optional(),
    customerId: id().optional(),
    loanId: id().optional(),
    sourcePlugin: vine.string().trim().maxLength(40).optional(),
    sourceKind: vine.string().trim().maxLength(40).optional(),
    sourceId: vine.string().trim().maxLength(64).optional(),
  })
)
