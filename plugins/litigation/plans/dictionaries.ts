import type { DictionaryDefinition, DictionaryItemDefinition } from '#core/plugins/types'

/*
| 诉前方案's code lists (spec §3.2 诉前方案申报). Banks add their own items on 字典管理;
| the validators accept any enabled code of the type.
*/
type Color = NonNullable<DictionaryItemDefinition['color']>

const items = (
  rows: ReadonlyArray<readonly [string, string, string, Color?]>
): DictionaryItemDefinition[] =>
  rows.map(([code, zh, en, color]) => ({ code, label: { zh, en }, color: color ?? 'primary' }))

export const CASE_TYPES = [
  ['loan_contract', '借款合同纠纷', 'Loan contract dispute'],
  ['financial_loan_contract', '金融借款合同纠纷', 'Financial loan contract dispute'],
  ['guarantee_contract', '保证合同纠纷', 'Guarantee contract dispute'],
  ['security_interest', '实现担保物权', 'Realisation of a security interest'],
  ['payment_order', '支付令', 'Payment order'],
  ['arbitration', '仲裁', 'Arbitration'],
  ['notarised_enforcement', '公证债权文书强制执行', 'Enforcement of a notarised debt instrument'],
  ['credit_card', '信用卡纠纷', 'Credit card dispute'],
  ['other', '其他', 'Other'],
] as const

export const JUDICIAL_METHODS = [
  ['litigation', '诉讼', 'Litigation'],
  ['arbitration', '仲裁', 'Arbitration'],
  ['payment_order', '支付令', 'Payment order'],
  ['security_special', '实现担保物权特别程序', 'Special procedure for security interests'],
  ['notarised', '公证赋强', 'Notarised enforceability'],
] as const

export const BANK_ROLES = [
  ['plaintiff', '原告', 'Plaintiff'],
  ['applicant', '申请人', 'Applicant'],
  ['third_party', '第三人', 'Third party'],
  ['defendant', '被告', 'Defendant'],
  ['respondent', '被申请人', 'Respondent'],
  ['claimant', '申请执行人', 'Enforcement applicant'],
] as const

export const BUSINESS_SEGMENTS = [
  ['corporate', '公司金融', 'Corporate banking'],
  ['sme', '普惠金融', 'Inclusive / SME finance'],
  ['retail', '个人金融', 'Retail banking'],
  ['credit_card', '信用卡', 'Credit cards'],
  ['interbank', '同业金融', 'Interbank'],
] as const

export const PLAN_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'In approval', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['approved', '已批准', 'Approved', 'success'],
  ['rejected', '已否决', 'Rejected', 'danger'],
  ['withdrawn', '已撤回', 'Withdrawn', 'info'],
] as const

export type LitPlanStatus = (typeof PLAN_STATUSES)[number][0]

/** The applicant may edit and (re)submit in these; only a draft may be deleted. */
export const EDITABLE_STATUSES: LitPlanStatus[] = ['draft', 'returned', 'withdrawn']

export const planDictionaries: DictionaryDefinition[] = [
  {
    type: 'litigation_case_type',
    name: { zh: '案件类型', en: 'Case type' },
    items: items(CASE_TYPES),
  },
  {
    type: 'litigation_judicial_method',
    name: { zh: '司法方式', en: 'Judicial method' },
    items: items(JUDICIAL_METHODS),
  },
  {
    type: 'litigation_bank_role',
    name: { zh: '银行诉讼地位', en: 'Bank role' },
    items: items(BANK_ROLES),
  },
  {
    type: 'litigation_business_segment',
    name: { zh: '业务板块', en: 'Business segment' },
    items: items(BUSINESS_SEGMENTS),
  },
  {
    type: 'litigation_plan_status',
    name: { zh: '诉前方案状态', en: 'Pre-litigation plan status' },
    items: items(PLAN_STATUSES),
  },
]
