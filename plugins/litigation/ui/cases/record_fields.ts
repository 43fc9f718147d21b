/* The fields of the four record forms of a case (进展, 开庭, 裁判文书, 财产保全). */
import type { RecordKind } from './api'

export interface RecordField {
  prop: string
  zh: string
  en: string
  type: 'date' | 'text' | 'textarea' | 'money' | 'dict' | 'time' | 'renewal'
  dict?: string
  required?: boolean
}

export const RECORD_FIELDS: Record<RecordKind, RecordField[]> = {
  progress: [
    { prop: 'happenedOn', zh: '发生日期', en: 'Date', type: 'date', required: true },
    {
      prop: 'stage',
      zh: '诉讼阶段',
      en: 'Stage',
      type: 'dict',
      dict: 'litigation_case_stage',
      required: true,
    },
    { prop: 'content', zh: '进展情况', en: 'What happened', type: 'textarea', required: true },
    { prop: 'nextStep', zh: '下一步工作', en: 'Next step', type: 'text' },
    { prop: 'nextDate', zh: '下一步日期', en: 'Next date', type: 'date' },
  ],
  hearings: [
    { prop: 'hearingOn', zh: '开庭日期', en: 'Date', type: 'date', required: true },
    { prop: 'hearingTime', zh: '时间', en: 'Time', type: 'time' },
    {
      prop: 'kind',
      zh: '类型',
      en: 'Kind',
      type: 'dict',
      dict: 'litigation_hearing_kind',
      required: true,
    },
    { prop: 'place', zh: '地点', en: 'Place', type: 'text' },
    { prop: 'remark', zh: '备注', en: 'Remark', type: 'text' },
  ],
  judgments: [
    {
      prop: 'kind',
      zh: '文书类型',
      en: 'Kind',
      type: 'dict',
      dict: 'litigation_judgment_kind',
      required: true,
    },
    { prop: 'documentNo', zh: '文书编号', en: 'Document no.', type: 'text' },
    { prop: 'decidedOn', zh: '裁判日期', en: 'Decided on', type: 'date', required: true },
    { prop: 'servedOn', zh: '送达日期', en: 'Served on', type: 'date' },
    {
      prop: 'principalAwarded',
      zh: '判决本金（元）',
      en: 'Principal awarded',
      type: 'money',
      required: true,
    },
    { prop: 'interestAwarded', zh: '判决利息（元）', en: 'Interest awarded', type: 'money' },
    { prop: 'otherAwarded', zh: '其他（元）', en: 'Other awarded', type: 'money' },
    { prop: 'performanceDeadline', zh: '履行期限届满日', en: 'Performance deadline', type: 'date' },
    { prop: 'summary', zh: '裁判主文', en: 'Operative part', type: 'textarea' },
  ],
  preservations: [
    {
      prop: 'kind',
      zh: '保全财产类别',
      en: 'Property',
      type: 'dict',
      dict: 'litigation_preservation_kind',
      required: true,
    },
    {
      prop: 'target',
      zh: '查封/冻结的财产',
      en: 'What was sealed / frozen',
      type: 'textarea',
      required: true,
    },
    { prop: 'amount', zh: '保全金额（元）', en: 'Amount', type: 'money', required: true },
    { prop: 'rulingNo', zh: '保全裁定书号', en: 'Ruling no.', type: 'text' },
    { prop: 'startOn', zh: '起始日', en: 'From', type: 'date', required: true },
    {
      prop: 'endOn',
      zh: '到期日（空=法定最长）',
      en: 'Until (empty = longest allowed)',
      type: 'date',
    },
    { prop: 'renewedFromId', zh: '续封的原保全', en: 'Renews', type: 'renewal' },
  ],
}

export const RECORD_TITLES: Record<RecordKind, [string, string]> = {
  progress: ['登记进展', 'Add progress'],
  hearings: ['登记开庭', 'Add a hearing'],
  judgments: ['登记裁判文书', 'Add a judgment'],
  preservations: ['登记财产保全/续封', 'Add a preservation / renewal'],
}

/** The request body: empty optional fields left out, money as typed (the server validates). */
export function recordBody(kind: RecordKind, values: Record<string, unknown>) {
  const body: Record<string, unknown> = {}
  for (const field of RECORD_FIELDS[kind]) {
    const value = values[field.prop]
    if (value === '' || value === null || value === undefined) continue
    body[field.prop] = typeof value === 'string' ? value.trim() : value
  }
  return body
}
