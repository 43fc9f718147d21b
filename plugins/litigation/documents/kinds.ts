import type { DictionaryDefinition } from '#core/plugins/types'

/*
| The six 法律文书 a bank's litigation clerk applies for. Each has a shipped
| default template (documents/templates/<code>.hbs, version 0); administrators
| save new versions on 文书模板管理, and the newest version is used.
*/
export const DOCUMENT_KINDS = [
  { code: 'complaint', zh: '民事起诉状', en: 'Statement of claim' },
  { code: 'preservation', zh: '财产保全申请书', en: 'Application for preservation' },
  { code: 'enforcement', zh: '强制执行申请书', en: 'Application for enforcement' },
  { code: 'power_of_attorney', zh: '授权委托书', en: 'Power of attorney' },
  { code: 'demand_letter', zh: '律师函/催收通知书', en: 'Lawyer’s letter / demand notice' },
  { code: 'payment_order', zh: '支付令申请书', en: 'Application for a payment order' },
] as const

export type DocumentKind = (typeof DOCUMENT_KINDS)[number]['code']
export const DOCUMENT_KIND_CODES: string[] = DOCUMENT_KINDS.map((k) => k.code)

export const documentDictionaries: DictionaryDefinition[] = [
  {
    type: 'litigation_document_kind',
    name: { zh: '法律文书类型', en: 'Legal document kind' },
    items: DOCUMENT_KINDS.map((k) => ({ code: k.code, label: { zh: k.zh, en: k.en } })),
  },
]
