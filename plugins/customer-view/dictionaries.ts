/* The code lists (数据字典) of the customer view; administrators may add tags on 字典管理. */
import type { DictionaryDefinition } from '#core/plugins/types'

type Item = [
  code: string,
  zh: string,
  en: string,
  color?: 'primary' | 'success' | 'warning' | 'danger' | 'info',
]

const dict = (type: string, zh: string, en: string, items: Item[]): DictionaryDefinition => ({
  type: `customer_view_${type}`,
  name: { zh, en },
  items: items.map(([code, izh, ien, color]) => ({
    code,
    label: { zh: izh, en: ien },
    ...(color ? { color } : {}),
  })),
})

export const dictionaries: DictionaryDefinition[] = [
  dict('tag', '客户标签', 'Customer tag', [
    ['focus', '重点关注', 'Under watch', 'warning'],
    ['litigation', '涉诉', 'In litigation', 'danger'],
    ['unreachable', '失联', 'Unreachable', 'danger'],
    ['sued', '已诉讼', 'Sued by the bank', 'warning'],
    ['group', '集团客户', 'Group customer', 'primary'],
    ['government_platform', '政府平台', 'Government platform', 'info'],
    ['cooperative', '配合还款', 'Cooperative', 'success'],
  ]),
  dict('alert_kind', '外部预警类型', 'External alert kind', [
    ['litigation', '涉诉', 'Litigation', 'danger'],
    ['executed_person', '被执行人', 'Executed person', 'danger'],
    ['equity_change', '股权变更', 'Equity change', 'warning'],
    ['asset_change', '资产变动', 'Asset change', 'warning'],
    ['collateral_value', '押品价值预警', 'Collateral value', 'warning'],
  ]),
  dict('alert_level', '预警等级', 'Alert level', [
    ['high', '高', 'High', 'danger'],
    ['medium', '中', 'Medium', 'warning'],
    ['low', '低', 'Low', 'info'],
  ]),
  dict('collection_method', '催收方式', 'Collection method', [
    ['phone', '电话催收', 'Phone'],
    ['visit', '上门催收', 'Visit'],
    ['letter', '信函催收', 'Letter'],
    ['sms', '短信催收', 'SMS'],
    ['lawyer_letter', '律师函', 'Lawyer letter'],
  ]),
  dict('relation', '关联关系', 'Relation', [
    ['guarantee', '担保', 'Guarantee'],
    ['shareholder', '股东', 'Shareholder'],
    ['group', '同一集团', 'Same group'],
    ['legal_rep', '法定代表人', 'Legal representative'],
    ['related_loan', '关联借款', 'Related loan'],
  ]),
]
