import { describe, expect, it } from 'vitest'
import { buildOption, headline, isEmpty, type CasesByStageData } from './cases_by_stage'

const data: CasesByStageData = {
  today: '2026-12-07',
  stages: [
    { code: 'filing', label: { zh: '立案', en: 'Filed' }, cases: 2 },
    { code: 'execution', label: { zh: '执行', en: 'Enforcement' }, cases: 1 },
  ],
  upcoming: [
    { kind: 'hearing', label: { zh: '开庭', en: 'Hearings' }, deadlines: 1 },
    { kind: 'appeal', label: { zh: '上诉期', en: 'Appeal' }, deadlines: 0 },
  ],
  nearest: { dueDate: '2026-12-10', title: '（2026）京0105民初1号 开庭', caseId: 1 },
}

describe('诉讼案件分布 widget', () => {
  it('headline: cases, deadlines within 30 days, the nearest date', () => {
    expect(headline(data, 'zh-CN').map((h) => h.value)).toEqual(['3', '1', '2026-12-10'])
  })

  it('two bar charts with the dictionary labels', () => {
    const option = buildOption(data, 'zh-CN') as any
    expect(option.yAxis[0].data).toEqual(['立案', '执行'])
    expect(option.series[0].data).toEqual([2, 1])
    expect(option.yAxis[1].data).toEqual(['开庭', '上诉期'])
    expect((buildOption(data, 'en') as any).yAxis[0].data).toEqual(['Filed', 'Enforcement'])
  })

  it('is empty without cases or deadlines', () => {
    expect(isEmpty(data)).toBe(false)
    expect(
      isEmpty({
        ...data,
        stages: data.stages.map((s) => ({ ...s, cases: 0 })),
        upcoming: [],
        nearest: null,
      })
    ).toBe(true)
  })
})
