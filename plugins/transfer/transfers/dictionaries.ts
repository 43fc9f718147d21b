import type { DictionaryDefinition } from '#core/plugins/types'

/* 债权转让's code lists (数据字典). */
export const APP_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'Under approval', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['committee', '待上会', 'Awaiting committee', 'primary'],
  ['approved', '已批准', 'Approved', 'primary'],
  ['rejected', '未通过', 'Rejected', 'danger'],
  ['withdrawn', '已撤回', 'Withdrawn', 'info'],
  ['completed', '已转让', 'Transferred', 'success'],
] as const
export type AppStatus = (typeof APP_STATUSES)[number][0]

export const TRANSFER_METHODS = [
  ['agreement', '协议转让', 'By agreement'],
  ['listing', '公开挂牌', 'Public listing'],
  ['auction', '拍卖', 'Auction'],
] as const

export const SERVICE_WAYS = [
  ['direct', '直接送达', 'In person'],
  ['mail', '邮寄送达', 'By post'],
  ['announcement', '公告送达', 'By announcement'],
  ['electronic', '电子送达', 'Electronic'],
] as const

export const PARTY_KINDS = [
  ['debtor', '债务人', 'Debtor'],
  ['guarantor', '保证人', 'Guarantor'],
] as const

/** The fee kinds of 债权转让费用管理 (codes of expenses' expenses_fee_kind). */
export const FEE_KINDS = [
  'appraisal_fee',
  'auction_fee',
  'announcement_fee',
  'transfer_tax',
] as const

export const POSTING_KINDS = [
  ['price', '转让价款收入', 'Price received'],
  ['loss', '转让损失', 'Loss on transfer'],
  ['off_balance', '表外利息核销', 'Off-balance interest removed'],
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

export const transferDictionaries: DictionaryDefinition[] = [
  list('transfer_status', '债权转让状态', 'Transfer status', APP_STATUSES),
  list('transfer_method', '债权转让方式', 'Transfer method', TRANSFER_METHODS),
  list('transfer_service_way', '通知送达方式', 'Way of service', SERVICE_WAYS),
  list('transfer_party_kind', '通知对象', 'Notified party', PARTY_KINDS),
  list('transfer_posting_kind', '转让记账类型', 'Transfer posting kind', POSTING_KINDS),
] as DictionaryDefinition[]
