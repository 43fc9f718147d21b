/*
| Inputs of the 案件信息登记 routes, with zh-CN / en field labels for the 422
| messages. Amounts are yuan text with at most two decimals, never negative;
| dates real calendar dates; the 案号 in the court format (cases/case_number.ts);
| codes from the dictionaries; unknown fields refused (refuseUnknown).
*/
import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { calendarDate } from '#core/validation/dates'
import { dictCode } from '#core/validation/dictionary_code'
import { shanghaiToday } from '#core/business_day/business_date'
import { parseCaseNumber } from '../cases/case_number.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  caseNo: '案号',
  court: '受理法院',
  judge: '承办法官',
  judgePhone: '法官电话',
  cause: '案由',
  procedure: '审理程序',
  stage: '诉讼阶段',
  filedOn: '立案日期',
  closedOn: '结案日期',
  prePlanId: '诉前方案',
  lawyerName: '代理律师',
  lawFirm: '律师事务所',
  claimPrincipal: '诉请本金',
  claimInterest: '诉请利息',
  claimOther: '其他诉请',
  acceptanceFee: '案件受理费',
  preservationFee: '保全费',
  recovered: '已回收金额',
  parties: '当事人',
  role: '诉讼地位',
  kind: '类别',
  guaranteeId: '担保',
  address: '住所地',
  legalRepresentative: '法定代表人',
  happenedOn: '发生日期',
  content: '进展情况',
  nextStep: '下一步工作',
  nextDate: '下一步日期',
  hearingOn: '开庭日期',
  hearingTime: '开庭时间',
  place: '地点',
  documentNo: '文书编号',
  decidedOn: '裁判日期',
  servedOn: '送达日期',
  principalAwarded: '判决本金',
  interestAwarded: '判决利息',
  otherAwarded: '判决其他金额',
  performanceDeadline: '履行期限届满日',
  summary: '裁判主文',
  target: '保全财产',
  rulingNo: '保全裁定书号',
  startOn: '保全起始日',
  endOn: '保全到期日',
  renewedFromId: '续封的原保全',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  caseNo: 'case number',
  court: 'court',
  judge: 'judge',
  judgePhone: "judge's phone",
  cause: 'cause of action',
  procedure: 'procedure',
  stage: 'stage',
  filedOn: 'filing date',
  closedOn: 'closing date',
  prePlanId: 'pre-litigation plan',
  lawyerName: 'lawyer',
  lawFirm: 'law firm',
  claimPrincipal: 'principal claimed',
  claimInterest: 'interest claimed',
  claimOther: 'other claims',
  acceptanceFee: 'acceptance fee',
  preservationFee: 'preservation fee',
  recovered: 'recovered',
  parties: 'parties',
  role: 'role',
  kind: 'kind',
  guaranteeId: 'guarantee',
  address: 'address',
  legalRepresentative: 'legal representative',
  happenedOn: 'date',
  content: 'what happened',
  nextStep: 'next step',
  nextDate: 'next step date',
  hearingOn: 'hearing date',
  hearingTime: 'hearing time',
  place: 'place',
  documentNo: 'document number',
  decidedOn: 'decision date',
  servedOn: 'service date',
  principalAwarded: 'principal awarded',
  interestAwarded: 'interest awarded',
  otherAwarded: 'other amounts awarded',
  performanceDeadline: 'performance deadline',
  summary: 'operative part',
  target: 'property',
  rulingNo: 'ruling number',
  startOn: 'start date',
  endOn: 'end date',
  renewedFromId: 'renewed measure',
})

const MAX = '9999999999999.99'
const amount = () =>
  vine
    .string()
    .trim()
    .use(money({ min: '0', max: MAX }))
const id = () => vine.number().withoutDecimals().min(1).max(2_147_483_647)
const date = () => vine.string().trim().use(calendarDate())
const text = (max: number) => vine.string().trim().maxLength(max)

/** 案号 in the court format, with a real 收案年度 (not after this year). */
const caseNumber = vine.createRule((value: unknown, _o: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!parseCaseNumber(value, Number(shanghaiToday().slice(0, 4))))
    field.report('The {{ field }} field has the wrong format', 'regex', field)
})

const party = vine.object({
  role: vine.string().use(dictCode({ type: 'litigation_party_role' })),
  kind: vine.string().use(dictCode({ type: 'litigation_party_kind' })),
  /** borrower: the case's customer; guarantor / mortgagor: a guarantee of the case's loans. */
  guaranteeId: id().nullable().optional(),
  /** Only for kind `other` (a party the book does not know); the book names everyone else. */
  name: text(200).minLength(1).nullable().optional(),
  address: text(300).nullable().optional(),
  legalRepresentative: text(100).nullable().optional(),
})

const caseFields = {
  caseNo: vine.string().trim().maxLength(64).use(caseNumber()),
  court: text(200).minLength(2),
  judge: text(100).nullable().optional(),
  judgePhone: text(40).nullable().optional(),
  cause: text(200).nullable().optional(),
  procedure: vine.string().use(dictCode({ type: 'litigation_case_procedure' })),
  stage: vine.string().use(dictCode({ type: 'litigation_case_stage' })),
  filedOn: date(),
  closedOn: date().nullable().optional(),
  customerId: id(),
  loanIds: vine.array(id()).minLength(1).maxLength(200).distinct(),
  prePlanId: id().nullable().optional(),
  lawyerName: text(100).nullable().optional(),
  lawFirm: text(200).nullable().optional(),
  claimPrincipal: amount(),
  claimInterest: amount(),
  claimOther: amount().optional(),
  acceptanceFee: amount().optional(),
  preservationFee: amount().optional(),
  recovered: amount().optional(),
  remark: text(2000).nullable().optional(),
  parties: vine.array(party).minLength(1).maxLength(50),
}
export const CASE_FIELDS = Object.keys(caseFields)

export const caseValidator = vine.compile(vine.object(caseFields))

export const caseListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: text(100).optional(),
    sort: text(64).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
    stage: text(32).optional(),
    customerId: id().optional(),
    /** Only these cases (a picker labelling its value): comma-separated ids. */
    ids: vine
      .string()
      .trim()
      .regex(/^\d{1,10}(,\d{1,10}){0,199}$/)
      .optional(),
    filedFrom: date().optional(),
    filedTo: date().optional(),
  })
)

export const progressValidator = vine.compile(
  vine.object({
    happenedOn: date(),
    stage: vine.string().use(dictCode({ type: 'litigation_case_stage' })),
    content: text(4000).minLength(1),
    nextStep: text(500).nullable().optional(),
    nextDate: date().nullable().optional(),
  })
)

export const hearingValidator = vine.compile(
  vine.object({
    hearingOn: date(),
    hearingTime: vine
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .nullable()
      .optional(),
    kind: vine.string().use(dictCode({ type: 'litigation_hearing_kind' })),
    place: text(200).nullable().optional(),
    remark: text(500).nullable().optional(),
  })
)

export const judgmentValidator = vine.compile(
  vine.object({
    kind: vine.string().use(dictCode({ type: 'litigation_judgment_kind' })),
    documentNo: text(64).nullable().optional(),
    decidedOn: date(),
    servedOn: date().nullable().optional(),
    principalAwarded: amount(),
    interestAwarded: amount().optional(),
    otherAwarded: amount().optional(),
    performanceDeadline: date().nullable().optional(),
    summary: text(4000).nullable().optional(),
  })
)

export const preservationValidator = vine.compile(
  vine.object({
    kind: vine.string().use(dictCode({ type: 'litigation_preservation_kind' })),
    target: text(500).minLength(1),
    amount: amount(),
    rulingNo: text(64).nullable().optional(),
    startOn: date(),
    /** Omitted: the statutory longest term for the kind (民诉法解释 §485). */
    endOn: date().nullable().optional(),
    renewedFromId: id().nullable().optional(),
    remark: text(500).nullable().optional(),
  })
)

/**
 * 登记费用 of a case (the expenses plugin checks the date against the business date). Its
 * field labels are the expenses plugin's (validators/expense.ts, loaded with its service).
 */
export const caseExpenseValidator = vine.compile(
  vine.object({
    feeKind: vine.string().use(dictCode({ type: 'expenses_fee_kind' })),
    payee: text(200).minLength(1),
    amount: vine
      .string()
      .trim()
      .use(money({ min: '0.01', max: MAX })),
    expenseDate: date(),
    recoverable: vine.boolean(),
    remark: text(500).nullable().optional(),
  })
)
export const CASE_EXPENSE_FIELDS = [
  'feeKind',
  'payee',
  'amount',
  'expenseDate',
  'recoverable',
  'remark',
]

/** Unknown fields are refused, never ignored (the core's rule). */
export { refuseUnknown } from '#core/validation/unknown_fields'
