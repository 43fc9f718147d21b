import type { DictionaryDefinition } from '#core/plugins/types'
import type { DictionaryItemDefinition } from '#core/plugins/types/dictionaries_settings'

/*
| The case register's code lists. Codes are stable (stored, used by rules);
| labels and colours are the administrators' on 字典管理.
*/
type Item = readonly [code: string, zh: string, en: string, color?: string]

export const CASE_STAGES = [
  ['filing', '立案', 'Filed', 'info'],
  ['first_instance', '一审', 'First instance', 'primary'],
  ['second_instance', '二审', 'Second instance', 'primary'],
  ['retrial', '再审', 'Retrial', 'warning'],
  ['execution', '执行', 'Enforcement', 'warning'],
  ['terminated_execution', '终结本次执行', 'Enforcement suspended (终本)', 'danger'],
  ['closed', '结案', 'Closed', 'success'],
] as const satisfies readonly Item[]
export type CaseStage = (typeof CASE_STAGES)[number][0]

export const PROCEDURES = [
  ['ordinary', '普通程序', 'Ordinary procedure'],
  ['summary', '简易程序', 'Summary procedure'],
] as const satisfies readonly Item[]

export const PARTY_ROLES = [
  ['plaintiff', '原告', 'Plaintiff'],
  ['defendant', '被告', 'Defendant'],
  ['third_party', '第三人', 'Third party'],
  ['applicant', '申请人', 'Applicant'],
  ['respondent', '被申请人', 'Respondent'],
  ['appellant', '上诉人', 'Appellant'],
  ['appellee', '被上诉人', 'Appellee'],
] as const satisfies readonly Item[]

export const PARTY_KINDS = [
  ['bank', '本行', 'The bank'],
  ['borrower', '借款人', 'Borrower'],
  ['guarantor', '保证人', 'Guarantor'],
  ['mortgagor', '抵押人/出质人', 'Mortgagor / pledgor'],
  ['other', '其他', 'Other'],
] as const satisfies readonly Item[]

export const HEARING_KINDS = [
  ['trial', '开庭', 'Trial'],
  ['evidence', '证据交换', 'Evidence exchange'],
  ['mediation', '调解', 'Mediation'],
  ['hearing', '听证', 'Hearing'],
] as const satisfies readonly Item[]

export const JUDGMENT_KINDS = [
  ['judgment', '判决书', 'Judgment', 'primary'],
  ['ruling', '裁定书', 'Ruling', 'warning'],
  ['mediation', '调解书', 'Mediation statement', 'success'],
] as const satisfies readonly Item[]

export const PRESERVATION_KINDS = [
  ['bank_deposit', '银行存款（冻结）', 'Bank deposits (frozen)'],
  ['movable', '动产（查封、扣押）', 'Movables (sealed, seized)'],
  ['real_estate', '不动产（查封）', 'Real estate (sealed)'],
  ['other_right', '其他财产权（冻结）', 'Other property rights (frozen)'],
] as const satisfies readonly Item[]

const codes = <T extends readonly Item[]>(items: T) => items.map(([code]) => code) as string[]
export const STAGE_CODES = codes(CASE_STAGES)
export const PARTY_ROLE_CODES = codes(PARTY_ROLES)
export const PARTY_KIND_CODES = codes(PARTY_KINDS)
export const HEARING_KIND_CODES = codes(HEARING_KINDS)
export const JUDGMENT_KIND_CODES = codes(JUDGMENT_KINDS)
export const PRESERVATION_KIND_CODES = codes(PRESERVATION_KINDS)
export const PROCEDURE_CODES = codes(PROCEDURES)

const dictionary = (type: string, zh: string, en: string, items: readonly Item[]) => ({
  type,
  name: { zh, en },
  items: items.map(([code, itemZh, itemEn, color]) => ({
    code,
    label: { zh: itemZh, en: itemEn },
    ...(color ? { color: color as DictionaryItemDefinition['color'] } : {}),
  })),
})

export const caseDictionaries: DictionaryDefinition[] = [
  dictionary('litigation_case_stage', '诉讼阶段', 'Case stage', CASE_STAGES),
  dictionary('litigation_case_procedure', '审理程序', 'Procedure', PROCEDURES),
  dictionary('litigation_party_role', '诉讼地位', 'Party role', PARTY_ROLES),
  dictionary('litigation_party_kind', '当事人类别', 'Party kind', PARTY_KINDS),
  dictionary('litigation_hearing_kind', '庭审类型', 'Hearing kind', HEARING_KINDS),
  dictionary('litigation_judgment_kind', '裁判文书类型', 'Decision kind', JUDGMENT_KINDS),
  dictionary(
    'litigation_preservation_kind',
    '保全财产类别',
    'Preserved property',
    PRESERVATION_KINDS
  ),
]
