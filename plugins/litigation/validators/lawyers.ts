/* Inputs of the 律师选聘 routes: the registry, engagements and payments. */
import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { calendarDate } from '#core/validation/dates'
import { dictCode } from '#core/validation/dictionary_code'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { isLawFirmCreditCode, isLawyerLicenceNo } from '../lawyers/rules.js'
import { ENGAGEMENT_STATUSES, FEE_TYPES } from '../lawyers/dictionaries.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  licenceNo: '执业证号',
  specialities: '专业领域',
  panelStatus: '入库状态',
  rating: '评级',
  conflicts: '利益冲突',
  contact: '联系人',
  firmId: '律所',
  lawyerId: '律师',
  planId: '诉前方案',
  caseId: '案件',
  feeType: '收费方式',
  fixedFee: '固定律师费',
  riskRate: '风险代理比例',
  feeCap: '风险代理收费上限',
  expectedRecovery: '预计回收金额',
  scope: '委托事项',
  engagementReason: '选聘理由',
  paidOn: '支付日期',
  actualRecovery: '实际回收金额',
  actualRecoveryReason: '实际回收金额录入理由',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  licenceNo: 'licence no.',
  specialities: 'specialities',
  panelStatus: 'panel status',
  rating: 'rating',
  conflicts: 'conflicts',
  contact: 'contact',
  firmId: 'law firm',
  lawyerId: 'lawyer',
  planId: 'pre-litigation plan',
  caseId: 'case',
  feeType: 'fee arrangement',
  fixedFee: 'fixed fee',
  riskRate: 'risk-based rate',
  feeCap: 'risk-based fee cap',
  expectedRecovery: 'expected recovery',
  scope: 'scope of the mandate',
  engagementReason: 'reasons for the choice',
  paidOn: 'payment date',
  actualRecovery: 'amount actually recovered',
  actualRecoveryReason: 'reason for the entered recovery',
})

const firmLicence = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value === 'string' && !isLawFirmCreditCode(value))
    field.report(
      '律所执业许可证号应为 31 开头、校验位正确的 18 位统一社会信用代码',
      'licenceNo',
      field
    )
})
const lawyerLicence = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value === 'string' && !isLawyerLicenceNo(value))
    field.report('律师执业证号应为 17 位数字（含首次执业年份）', 'licenceNo', field)
})

const id = () => vine.number().withoutDecimals().min(1)
const yuan = (min = '0.01') =>
  vine
    .string()
    .trim()
    .use(money({ min, max: '9999999999999.99' }))
const speciality = () =>
  vine
    .array(
      vine
        .string()
        .trim()
        .use(dictCode({ type: 'litigation_lawyer_speciality' }))
    )
    .maxLength(20)
const common = {
  specialities: speciality(),
  panelStatus: vine
    .string()
    .trim()
    .use(dictCode({ type: 'litigation_panel_status' })),
  rating: vine.number().withoutDecimals().range([1, 5]).nullable().optional(),
  conflicts: vine.string().trim().maxLength(4000).optional(),
  phone: vine.string().trim().maxLength(40).optional(),
}

export const FIRM_FIELDS = [
  'name',
  'licenceNo',
  'address',
  'contact',
  'phone',
  'specialities',
  'panelStatus',
  'rating',
  'conflicts',
] as const

export const firmValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(200),
    licenceNo: vine.string().trim().toUpperCase().use(firmLicence()),
    address: vine.string().trim().maxLength(300).optional(),
    contact: vine.string().trim().maxLength(100).optional(),
    ...common,
  })
)

export const LAWYER_FIELDS = [
  'firmId',
  'name',
  'licenceNo',
  'phone',
  'specialities',
  'panelStatus',
  'rating',
  'conflicts',
] as const

export const lawyerValidator = vine.compile(
  vine.object({
    firmId: id(),
    name: vine.string().trim().minLength(2).maxLength(100),
    licenceNo: vine.string().trim().use(lawyerLicence()),
    ...common,
  })
)

export const registryListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    panelStatus: vine.string().trim().maxLength(16).optional(),
    firmId: id().optional(),
  })
)

export const ENGAGEMENT_FIELDS = [
  'planId',
  'caseId',
  'firmId',
  'lawyerId',
  'feeType',
  'fixedFee',
  'riskRate',
  'feeCap',
  'expectedRecovery',
  'scope',
  'engagementReason',
] as const

export const engagementValidator = vine.compile(
  vine.object({
    planId: id().optional(),
    caseId: id().optional(),
    firmId: id(),
    lawyerId: id(),
    feeType: vine.enum(FEE_TYPES.map(([code]) => code)),
    fixedFee: yuan('0').optional(),
    // 风险代理比例: a fraction above 0 and at most 0.3 (司法部律师服务收费管理办法: 风险代理 ≤ 30 %)
    riskRate: vine
      .string()
      .trim()
      .regex(/^0(\.\d{1,6})?$|^0?\.\d{1,6}$/)
      .optional(),
    feeCap: yuan().optional(),
    expectedRecovery: yuan('0'),
    scope: vine.string().trim().minLength(1).maxLength(2000),
    engagementReason: vine.string().trim().minLength(1).maxLength(4000),
  })
)

export const engagementListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(ENGAGEMENT_STATUSES.map(([code]) => code)).optional(),
    planId: id().optional(),
    caseId: id().optional(),
  })
)

/** 实际回收金额 entered by the user (else the confirmed recoveries) and why. */
const recoveryBasis = {
  actualRecovery: yuan('0').optional(),
  actualRecoveryReason: vine.string().trim().maxLength(500).optional(),
}

export const PAYMENT_FIELDS = [
  'amount',
  'paidOn',
  'remark',
  'actualRecovery',
  'actualRecoveryReason',
] as const

export const paymentValidator = vine.compile(
  vine.object({
    amount: yuan(),
    paidOn: vine.string().trim().use(calendarDate()),
    remark: vine.string().trim().maxLength(500).optional(),
    ...recoveryBasis,
  })
)

export const FEE_DUE_FIELDS = ['actualRecovery', 'actualRecoveryReason'] as const
export const feeDueValidator = vine.compile(vine.object(recoveryBasis))
