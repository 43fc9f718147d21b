import type { DictionaryDefinition } from '#core/plugins/types'

/* 以资抵债's code lists (数据字典). */
export const RECEIPT_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'Under approval', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['committee', '待上会', 'Awaiting committee', 'primary'],
  ['approved', '已批准', 'Approved', 'primary'],
  ['rejected', '未通过', 'Rejected', 'danger'],
  ['withdrawn', '已撤回', 'Withdrawn', 'info'],
  ['posted', '已入账', 'Booked', 'success'],
] as const
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number][0]

export const WAYS = [
  ['agreement', '协议抵债', 'By agreement'],
  ['court_ruling', '法院裁定抵债', 'By court ruling'],
  ['failed_auction', '拍卖流拍抵债', 'After a failed auction'],
] as const
export type Way = (typeof WAYS)[number][0]

/** The asset classes of 抵债资产 (the foreclosed-assets plugin keeps the same codes). */
export const ASSET_CLASSES = [
  ['real_estate', '不动产', 'Real estate'],
  ['movable', '动产', 'Movable property'],
  ['equity', '股权', 'Equity'],
  ['other_right', '其他权利', 'Other rights'],
] as const
export type AssetClass = (typeof ASSET_CLASSES)[number][0]

export const SOURCES = [
  ['collateral', '借据押品', "A loan's collateral"],
  ['other_asset', '债务人其他资产', 'Another asset of the debtor'],
] as const

export const DOC_KINDS = [
  ['ruling', '法院裁定书', 'Court ruling'],
  ['agreement', '抵债协议', 'Settlement agreement'],
  ['title_deed', '权属证书', 'Title certificate'],
  ['transfer_record', '过户登记资料', 'Transfer registration'],
  ['appraisal', '评估报告', 'Appraisal report'],
  ['other', '其他资料', 'Other'],
] as const

export const POSTING_KINDS = [
  ['principal', '收回本金', 'Principal settled'],
  ['normal_interest', '收回正常利息', 'Normal interest settled'],
  ['overdue_interest', '收回逾期利息', 'Overdue interest settled'],
  ['penalty', '收回罚息', 'Penalty interest settled'],
  ['compound', '收回复利', 'Compound interest settled'],
  ['asset', '抵债资产入账', 'Foreclosed asset booked'],
  ['taxes', '抵债税费', 'Taxes and fees paid'],
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

export const foreclosureDictionaries: DictionaryDefinition[] = [
  list('foreclosure_status', '以资抵债状态', 'Foreclosure status', RECEIPT_STATUSES),
  list('foreclosure_way', '抵债方式', 'Way of foreclosure', WAYS),
  list('foreclosure_asset_class', '抵债资产类别', 'Foreclosed asset class', ASSET_CLASSES),
  list('foreclosure_source', '抵债资产来源', 'Asset source', SOURCES),
  list('foreclosure_doc_kind', '抵债资料类型', 'Foreclosure document kind', DOC_KINDS),
  list('foreclosure_posting_kind', '抵债记账类型', 'Foreclosure posting kind', POSTING_KINDS),
] as DictionaryDefinition[]
