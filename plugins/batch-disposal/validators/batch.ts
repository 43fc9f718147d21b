/* Inputs of 批量处置's routes (zh-CN / en field labels for the 422 messages). */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { querySpecObject } from '#core/query/query_spec'
import {
  ALLOCATIONS,
  FEE_KINDS,
  METHODS,
  MODES,
  OFFER_KINDS,
  PROJECT_STATUSES,
  SERVICE_WAYS,
  VALUATION_METHODS,
} from '../domain/dictionaries.js'

const LABELS: Record<string, [string, string]> = {
  name: ['名称', 'name'],
  mode: ['处置方式', 'mode'],
  targetSize: ['目标规模', 'target size'],
  plannedStart: ['计划开始日期', 'planned start'],
  plannedEnd: ['计划完成日期', 'planned end'],
  team: ['项目团队', 'team'],
  reasons: ['立项理由', 'reasons'],
  fiveClasses: ['五级分类', 'five-category classes'],
  customerTypes: ['客户类型', 'customer types'],
  regions: ['地区', 'regions'],
  overdueMin: ['最少逾期天数', 'minimum overdue days'],
  overdueMax: ['最多逾期天数', 'maximum overdue days'],
  balanceMin: ['最低本金', 'minimum principal'],
  balanceMax: ['最高本金', 'maximum principal'],
  itemIds: ['资产', 'assets'],
  collateralStatus: ['押品状况', 'collateral status'],
  debtorStatus: ['债务人状况', 'debtor status'],
  litigation: ['诉讼情况', 'litigation'],
  recoverableValue: ['可回收价值', 'recoverable value'],
  valuationMethod: ['估值方法', 'valuation method'],
  attachments: ['附件', 'attachments'],
  investigatedOn: ['调查日期', 'investigation date'],
  valuation: ['评估价值', 'valuation'],
  reservePrice: ['转让底价', 'reserve price'],
  method: ['处置方式', 'method'],
  allocation: ['价款分配方式', 'allocation'],
  tranches: ['分层结构', 'tranches'],
  servicingFeeRate: ['贷款服务费率', 'servicing fee rate'],
  registrationRef: ['银登中心登记编号', 'registration reference'],
  parties: ['发送对象', 'recipients'],
  sentOn: ['发送日期', 'date sent'],
  round: ['竞价轮次', 'round'],
  bidOn: ['竞价日期', 'bid date'],
  bids: ['出价', 'bids'],
  contractNo: ['合同编号', 'contract no.'],
  contractDate: ['签约日期', 'contract date'],
  announcementNo: ['公告编号', 'announcement no.'],
  paidOn: ['收款日期', 'payment date'],
  amount: ['金额', 'amount'],
  handoverDate: ['交割日期', 'handover date'],
  servedOn: ['送达日期', 'date of service'],
  serviceWay: ['送达方式', 'way of service'],
  proofRef: ['送达凭证', 'proof of service'],
  noticeIds: ['通知', 'notices'],
  feeKind: ['费用类型', 'fee kind'],
  payee: ['收款方', 'payee'],
  expenseDate: ['费用日期', 'expense date'],
  recoverable: ['可向债务人收回', 'recoverable'],
  value: ['规则值', 'rule value'],
  enabled: ['启用', 'enabled'],
}
for (const [key, [zh, en]] of Object.entries(LABELS)) {
  LocalizedMessagesProvider.extraLabels['zh-CN'][key] ??= zh
  LocalizedMessagesProvider.extraLabels.en[key] ??= en
}

const id = () => vine.number().withoutDecimals().min(1)
const amount = (min = '0.00') =>
  vine
    .string()
    .trim()
    .use(money({ min, max: '9999999999999.99' }))
const date = () => vine.string().trim().use(calendarDate())
const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)
const codes = <T extends readonly (readonly string[])[]>(rows: T) =>
  rows.map((r) => r[0]) as [T[number][0]]

export const projectValidator = vine.compile(
  vine.object({
    name: text(200),
    mode: vine.enum(codes(MODES)),
    targetSize: amount('0.01'),
    plannedStart: date(),
    plannedEnd: date(),
    team: text(2000),
    reasons: text(4000),
  })
)

export const filterValidator = vine.compile(
  vine.object({
    orgId: id().optional(),
    fiveClasses: vine
      .array(vine.enum(['normal', 'special_mention', 'substandard', 'doubtful', 'loss']))
      .maxLength(5)
      .optional(),
    customerTypes: vine
      .array(vine.enum(['corporate', 'individual', 'online']))
      .maxLength(3)
      .optional(),
    regions: vine.array(text(64)).maxLength(50).optional(),
    overdueMin: vine.number().withoutDecimals().min(0).max(99999).optional(),
    overdueMax: vine.number().withoutDecimals().min(0).max(99999).optional(),
    balanceMin: amount().optional(),
    balanceMax: amount().optional(),
    savedQueryId: id().optional(),
    query: querySpecObject.optional(),
  })
)

export const itemIdsValidator = vine.compile(
  vine.object({ itemIds: vine.array(id()).minLength(1).maxLength(10000) })
)

export const itemListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    packageId: id().optional(),
    unpacked: vine.boolean().optional(),
    investigated: vine.boolean().optional(),
  })
)

export const ddValidator = vine.compile(
  vine.object({
    collateralStatus: text(200),
    debtorStatus: text(200),
    litigation: text(200),
    recoverableValue: amount(),
    valuationMethod: vine.enum(codes(VALUATION_METHODS)),
    remark: vine.string().trim().maxLength(2000).nullable().optional(),
    attachments: vine.array(text(200)).maxLength(20).optional(),
    investigatedOn: date(),
  })
)

export const packageValidator = vine.compile(
  vine.object({
    name: text(200),
    itemIds: vine.array(id()).minLength(1).maxLength(10000).optional(),
    allUnpacked: vine.boolean().optional(),
    valuation: amount(),
    reservePrice: amount('0.01'),
    method: vine.enum(codes(METHODS)),
    allocation: vine.enum(codes(ALLOCATIONS)),
    tranches: vine
      .array(
        vine.object({
          name: text(40),
          level: vine.enum(['senior', 'mezzanine', 'subordinate'] as const),
          amount: amount('0.01'),
        })
      )
      .maxLength(10)
      .nullable()
      .optional(),
    servicingFeeRate: vine
      .string()
      .trim()
      .regex(/^0(\.\d{1,6})?$/)
      .nullable()
      .optional(),
    registrationRef: vine.string().trim().maxLength(64).nullable().optional(),
  })
)

export const offerValidator = vine.compile(
  vine.object({
    kind: vine.enum(codes(OFFER_KINDS)),
    parties: vine.array(text(200)).minLength(1).maxLength(100),
    sentOn: date(),
    remark: vine.string().trim().maxLength(500).nullable().optional(),
  })
)

export const bidsValidator = vine.compile(
  vine.object({
    round: vine.number().withoutDecimals().min(1).max(99),
    bidOn: date(),
    bids: vine
      .array(vine.object({ bidder: text(200), amount: amount('0.01') }))
      .minLength(1)
      .maxLength(100),
  })
)

export const awardValidator = vine.compile(
  vine.object({ round: vine.number().withoutDecimals().min(1).max(99) })
)

export const contractValidator = vine.compile(
  vine.object({ contractNo: text(64), contractDate: date(), announcementNo: text(64) })
)

export const paymentValidator = vine.compile(
  vine.object({ paidOn: date(), amount: amount('0.01') })
)

export const deliveryValidator = vine.compile(vine.object({ handoverDate: date() }))

export const serveValidator = vine.compile(
  vine.object({
    noticeIds: vine.array(id()).maxLength(10000).optional(),
    servedOn: date(),
    serviceWay: vine.enum(codes(SERVICE_WAYS)),
    proofRef: text(200),
  })
)

export const feeValidator = vine.compile(
  vine.object({
    feeKind: vine.enum(FEE_KINDS),
    payee: text(200),
    amount: amount('0.01'),
    expenseDate: date(),
    recoverable: vine.boolean(),
  })
)

export const ruleValidator = vine.compile(vine.object({ value: text(40), enabled: vine.boolean() }))

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(codes(PROJECT_STATUSES)).optional(),
    stage: vine.string().trim().maxLength(20).optional(),
  })
)

export const postingListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    status: vine.enum(['pending', 'sent', 'dead'] as const).optional(),
  })
)
