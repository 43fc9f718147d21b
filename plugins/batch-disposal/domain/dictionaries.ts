/* Dictionaries of 批量处置 (codes are stable; labels may be changed in 数据字典). */
import type { DictionaryDefinition } from '#core/plugins/types'

export const MODES = [
  ['batch_transfer', '批量转让', 'Batch transfer'],
  ['securitization', '资产证券化', 'Securitisation'],
  ['income_right', '收益权转让', 'Income-right transfer'],
] as const
export type Mode = (typeof MODES)[number][0]

export const PROJECT_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'Pending', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['rejected', '已否决', 'Rejected', 'danger'],
  ['withdrawn', '已撤回', 'Withdrawn', 'info'],
  ['approved', '已立项', 'Approved', 'success'],
  ['closed', '已完成', 'Closed', 'success'],
] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number][0]

/** The pipeline of a project (widget, ledger): where its work stands. */
export const STAGES = [
  ['initiation', '转让立项', 'Initiation'],
  ['pool', '组建资产池', 'Pool building'],
  ['due_diligence', '尽职调查', 'Due diligence'],
  ['packaging', '处置方案', 'Packaging'],
  ['implementation', '方案实施', 'Implementation'],
  ['closed', '已交割', 'Delivered'],
] as const
export type Stage = (typeof STAGES)[number][0]

export const PACKAGE_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'Pending', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['rejected', '已否决', 'Rejected', 'danger'],
  ['committee', '待上会', 'At committee', 'warning'],
  ['approved', '已批准', 'Approved', 'primary'],
  ['awarded', '已成交', 'Awarded', 'primary'],
  ['contracted', '已签约', 'Contracted', 'primary'],
  ['paid', '已收款', 'Paid', 'primary'],
  ['delivering', '交割中', 'Delivering', 'warning'],
  ['delivered', '已交割', 'Delivered', 'success'],
] as const
export type PackageStatus = (typeof PACKAGE_STATUSES)[number][0]

export const METHODS = [
  ['tender', '招标', 'Tender'],
  ['bidding', '竞价', 'Competitive bidding'],
  ['auction', '拍卖', 'Auction'],
  ['agreement', '协议', 'By agreement'],
] as const
export type Method = (typeof METHODS)[number][0]

export const ALLOCATIONS = [
  ['principal', '按本金占比', 'By principal share'],
  ['valuation', '按估值占比', 'By valuation'],
] as const

export const VALUATION_METHODS = [
  ['market', '市场法', 'Market approach'],
  ['income', '收益法', 'Income approach'],
  ['cost', '成本法', 'Cost approach'],
  ['hypothetical', '假设清算法', 'Hypothetical liquidation'],
  ['cash_flow', '现金流偿债法', 'Cash-flow repayment'],
] as const

export const OFFER_KINDS = [
  ['invitation', '要约邀请函', 'Invitation to offer'],
  ['bid_notice', '竞买通知', 'Bidding notice'],
] as const

export const SERVICE_WAYS = [
  ['announcement', '公告送达', 'By announcement'],
  ['mail', '邮寄送达', 'By post'],
  ['direct', '直接送达', 'In person'],
  ['electronic', '电子送达', 'Electronic'],
] as const

export const POSTING_KINDS = [
  ['price', '转让价款收入', 'Price received'],
  ['loss', '转让损失', 'Loss on transfer'],
  ['off_balance', '表外利息核销', 'Off-balance interest removed'],
] as const

/** 批量转让费用 (codes of expenses' expenses_fee_kind). */
export const FEE_KINDS = [
  'appraisal_fee',
  'auction_fee',
  'announcement_fee',
  'transfer_tax',
] as const

const list = (type: string, zh: string, en: string, rows: readonly (readonly string[])[]) => ({
  type,
  name: { zh, en },
  items: rows.map(([code, lzh, len, color]) => ({
    code,
    label: { zh: lzh, en: len },
    ...(color ? { color } : {}),
  })),
})

export const batchDictionaries: DictionaryDefinition[] = [
  list('batch_disposal_mode', '批量处置方式', 'Batch disposal mode', MODES),
  list('batch_disposal_project_status', '批量处置立项状态', 'Project status', PROJECT_STATUSES),
  list('batch_disposal_stage', '批量处置阶段', 'Project stage', STAGES),
  list('batch_disposal_package_status', '资产包状态', 'Package status', PACKAGE_STATUSES),
  list('batch_disposal_method', '资产包处置方式', 'Package method', METHODS),
  list('batch_disposal_allocation', '价款分配方式', 'Price allocation', ALLOCATIONS),
  list('batch_disposal_valuation_method', '估值方法', 'Valuation method', VALUATION_METHODS),
  list('batch_disposal_offer_kind', '要约登记类型', 'Offer kind', OFFER_KINDS),
  list('batch_disposal_service_way', '通知送达方式', 'Way of service', SERVICE_WAYS),
  list('batch_disposal_posting_kind', '批量转让记账类型', 'Posting kind', POSTING_KINDS),
] as DictionaryDefinition[]
