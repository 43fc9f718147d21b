/* 诉讼案件分布: cases by stage (left) and deadlines due within 30 days by kind (right). */
import type { AppLocale } from '@/i18n'
import { tr } from '@/areas/dashboard/components/chart-kit'

type Localized = { zh: string; en: string }

export interface CasesByStageData {
  today: string
  stages: Array<{ code: string; label: Localized; cases: number }>
  upcoming: Array<{ kind: string; label: Localized; deadlines: number }>
  nearest: { dueDate: string; title: string; caseId: number } | null
}

const name = (label: Localized, locale: AppLocale) => (locale === 'en' ? label.en : label.zh)

export const isEmpty = (data: CasesByStageData) =>
  !data?.stages?.some((s) => s.cases > 0) && !data?.upcoming?.some((u) => u.deadlines > 0)

export function headline(data: CasesByStageData, locale: AppLocale) {
  const cases = (data.stages ?? []).reduce((n, s) => n + s.cases, 0)
  const due = (data.upcoming ?? []).reduce((n, u) => n + u.deadlines, 0)
  return [
    { label: tr(locale, '案件', 'Cases'), value: String(cases), unit: tr(locale, '件', '') },
    {
      label: tr(locale, '30日内期限', 'Due in 30 days'),
      value: String(due),
      unit: tr(locale, '项', ''),
      tone: due ? ('warning' as const) : undefined,
    },
    ...(data.nearest
      ? [{ label: tr(locale, '最近期限', 'Next'), value: data.nearest.dueDate, unit: '' }]
      : []),
  ]
}

export function buildOption(data: CasesByStageData, locale: AppLocale) {
  const stages = data.stages ?? []
  const upcoming = data.upcoming ?? []
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: [
      { left: 8, right: '52%', top: 24, bottom: 8, containLabel: true },
      { left: '54%', right: 12, top: 24, bottom: 8, containLabel: true },
    ],
    title: [
      { text: tr(locale, '按阶段', 'By stage'), left: 8, top: 0, textStyle: { fontSize: 12 } },
      {
        text: tr(locale, '30日内期限', 'Due in 30 days'),
        left: '54%',
        top: 0,
        textStyle: { fontSize: 12 },
      },
    ],
    xAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1 },
      { type: 'value', gridIndex: 1, minInterval: 1 },
    ],
    yAxis: [
      {
        type: 'category',
        gridIndex: 0,
        inverse: true,
        data: stages.map((s) => name(s.label, locale)),
      },
      {
        type: 'category',
        gridIndex: 1,
        inverse: true,
        data: upcoming.map((u) => name(u.label, locale)),
      },
    ],
    series: [
      {
        name: tr(locale, '案件', 'Cases'),
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 16,
        itemStyle: { color: '#3a6fd8' },
        data: stages.map((s) => s.cases),
      },
      {
        name: tr(locale, '期限', 'Deadlines'),
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        barMaxWidth: 16,
        itemStyle: { color: '#e6a23c' },
        data: upcoming.map((u) => u.deadlines),
      },
    ],
  }
}
