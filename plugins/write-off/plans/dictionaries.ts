import type { DictionaryDefinition } from '#core/plugins/types'

/* 核销方案状态 and the other code lists of 核销管理 (数据字典). */
export const PLAN_STATUSES = [
  'draft',
  'pending',
  'returned',
  'committee',
  'approved',
  'rejected',
  'withdrawn',
  'replied',
] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** Statuses in which the plan still holds its subjects (write_off_locks). */
export const OPEN_STATUSES: PlanStatus[] = ['draft', 'pending', 'returned', 'committee', 'approved']

export const writeOffDictionaries: DictionaryDefinition[] = [
  {
    type: 'write_off_plan_status',
    name: { zh: '核销方案状态', en: 'Write-off plan status' },
    items: [
      { code: 'draft', label: { zh: '草稿', en: 'Draft' }, color: 'info' },
      { code: 'pending', label: { zh: '审批中', en: 'Under approval' }, color: 'warning' },
      { code: 'returned', label: { zh: '已退回', en: 'Returned' }, color: 'warning' },
      { code: 'committee', label: { zh: '待上会', en: 'Awaiting committee' }, color: 'primary' },
      { code: 'approved', label: { zh: '待批复', en: 'Awaiting reply' }, color: 'primary' },
      { code: 'rejected', label: { zh: '未通过', en: 'Rejected' }, color: 'danger' },
      { code: 'withdrawn', label: { zh: '已撤回', en: 'Withdrawn' }, color: 'info' },
      { code: 'replied', label: { zh: '已批复核销', en: 'Written off' }, color: 'success' },
    ],
  },
  {
    type: 'write_off_plan_kind',
    name: { zh: '核销方案类型', en: 'Write-off plan kind' },
    items: [
      { code: 'single', label: { zh: '单笔核销', en: 'Single' }, color: 'primary' },
      { code: 'batch', label: { zh: '批量核销', en: 'Batch' }, color: 'warning' },
    ],
  },
  {
    type: 'write_off_subject_kind',
    name: { zh: '核销对象', en: 'Write-off subject' },
    items: [
      { code: 'loan', label: { zh: '贷款', en: 'Loan' }, color: 'primary' },
      { code: 'card', label: { zh: '信用卡', en: 'Credit card' }, color: 'warning' },
    ],
  },
  {
    type: 'write_off_posting_kind',
    name: { zh: '核销记账项目', en: 'Write-off posting' },
    items: [
      { code: 'principal', label: { zh: '本金', en: 'Principal' } },
      { code: 'on_balance_interest', label: { zh: '表内利息', en: 'On-balance interest' } },
      { code: 'off_balance_interest', label: { zh: '表外利息', en: 'Off-balance interest' } },
      { code: 'fee', label: { zh: '费用', en: 'Fees' } },
    ],
  },
  {
    type: 'write_off_no_recourse_reason',
    name: { zh: '无追索权认定事由', en: 'No-recourse reason' },
    items: [
      {
        code: 'enforcement_no_property',
        label: { zh: '终结本次执行且无可供执行财产', en: 'Enforcement ended, no property' },
      },
      { code: 'bankruptcy_closed', label: { zh: '破产程序终结', en: 'Bankruptcy closed' } },
      {
        code: 'deceased_no_estate',
        label: { zh: '借款人死亡且无遗产', en: 'Deceased, no estate' },
      },
      {
        code: 'deregistered',
        label: { zh: '主体注销且无承继人', en: 'Deregistered, no successor' },
      },
      {
        code: 'limitation_expired',
        label: { zh: '诉讼时效届满且无中断事由', en: 'Limitation expired' },
      },
    ],
  },
  {
    type: 'write_off_no_recourse_status',
    name: { zh: '无追索权认定状态', en: 'No-recourse status' },
    items: [
      { code: 'pending', label: { zh: '审批中', en: 'Under approval' }, color: 'warning' },
      { code: 'approved', label: { zh: '已认定', en: 'Determined' }, color: 'success' },
      { code: 'rejected', label: { zh: '未通过', en: 'Rejected' }, color: 'danger' },
      { code: 'returned', label: { zh: '已退回', en: 'Returned' }, color: 'warning' },
      { code: 'withdrawn', label: { zh: '已撤回', en: 'Withdrawn' }, color: 'info' },
    ],
  },
]
