import type { DictionaryDefinition } from '#core/plugins/types'

/*
| 诉中方案 kinds (spec §3.2 诉中方案申报). `instalments` marks the kinds whose agreement
| may carry an instalment schedule (分期履行): each instalment becomes a deadline.
*/
export const PROCEEDING_KINDS = [
  ['mediation', '调解', 'Mediation', true],
  ['settlement', '和解', 'Settlement', true],
  ['withdrawal', '撤诉', 'Withdrawal of the suit', false],
  ['appeal', '上诉', 'Appeal', false],
  ['preservation', '申请保全', 'Preservation application', false],
  ['preservation_renewal', '申请续封', 'Renewal of preservation', false],
  ['execution_settlement', '执行和解', 'Settlement in enforcement', true],
  ['termination', '申请终本', 'Termination of this enforcement', false],
  ['resumption', '恢复执行', 'Resumption of enforcement', false],
] as const

export type ProceedingKind = (typeof PROCEEDING_KINDS)[number][0]

export const INSTALMENT_KINDS: string[] = PROCEEDING_KINDS.filter(([, , , i]) => i).map(
  ([code]) => code
)

export const proceedingDictionaries: DictionaryDefinition[] = [
  {
    type: 'litigation_proceeding_kind',
    name: { zh: '诉中方案类型', en: 'In-proceedings plan kind' },
    items: PROCEEDING_KINDS.map(([code, zh, en]) => ({
      code,
      label: { zh, en },
      color: 'primary' as const,
    })),
  },
]
