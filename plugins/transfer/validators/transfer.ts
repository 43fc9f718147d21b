/* Inputs of 债权转让's routes (zh-CN / en field labels for the 422 messages). */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import {
  APP_STATUSES,
  FEE_KINDS,
  SERVICE_WAYS,
  TRANSFER_METHODS,
} from '../transfers/dictionaries.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  'loanIds': '转让借据',
  'loanIds.*': '转让借据',
  'transferee': '受让人',
  'transfereeIdNo': '受让人证件号',
  'valuation': '评估价值',
  'reservePrice': '转让底价',
  'price': '成交价',
  'servedOn': '送达日期',
  'serviceWay': '送达方式',
  'proofRef': '送达凭证',
  'feeKind': '费用类型',
  'payee': '收款方',
  'expenseDate': '费用日期',
  'recoverable': '可向债务人收回',
  'contractNo': '转让合同编号',
  'paidOn': '收款日期',
  'paidAmount': '收款金额',
  'transferDate': '转让日期',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  'loanIds': 'loans',
  'loanIds.*': 'loan',
  'transferee': 'transferee',
  'transfereeIdNo': 'transferee ID',
  'valuation': 'valuation',
  'reservePrice': 'reserve price',
  'price': 'agreed price',
  'servedOn': 'date of service',
  'serviceWay': 'way of service',
  'proofRef': 'proof of service',
  'feeKind': 'fee kind',
  'payee': 'payee',
  'expenseDate': 'expense date',
  'recoverable': 'recoverable',
  'contractNo': 'contract no.',
  'paidOn': 'payment date',
  'paidAmount': 'amount received',
  'transferDate': 'transfer date',
})

const id = () => vine.number().withoutDecimals().min(1)
const amount = (min = '0.00') =>
  vine
    .string()
    .trim()
    .use(money({ min, max: '999999999999.99' }))
const date = () => vine.string().trim().use(calendarDate())
const codes = (rows: readonly (readonly string[])[]) => rows.map((r) => r[0])

export const applicationValidator = vine.compile(
  vine.object({
    loanIds: vine.array(id()).minLength(1).maxLength(200),
    transferee: vine.string().trim().minLength(1).maxLength(200),
    transfereeIdNo: vine.string().trim().maxLength(64).nullable().optional(),
    method: vine.enum(codes(TRANSFER_METHODS) as ['agreement', 'listing', 'auction']),
    valuation: amount(),
    reservePrice: amount(),
    price: amount('0.01'),
    reasons: vine.string().trim().minLength(1).maxLength(4000),
  })
)

export const serveValidator = vine.compile(
  vine.object({
    servedOn: date(),
    serviceWay: vine.enum(codes(SERVICE_WAYS)),
    proofRef: vine.string().trim().minLength(1).maxLength(200),
  })
)

export const feeValidator = vine.compile(
  vine.object({
    feeKind: vine.enum(FEE_KINDS),
    payee: vine.string().trim().minLength(1).maxLength(200),
    amount: amount('0.01'),
    expenseDate: date(),
    recoverable: vine.boolean(),
  })
)

export const resultValidator = vine.compile(
  vine.object({
    contractNo: vine.string().trim().minLength(1).maxLength(64),
    paidOn: date(),
    paidAmount: amount('0.01'),
    transferDate: date(),
  })
)

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(codes(APP_STATUSES)).optional(),
  })
)
