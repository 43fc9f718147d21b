/* 处置预案分布: stacked bars — one bar per disposal method, one colour per status. */
import type { AppLocale } from '@/i18n'
import { tr } from '@/areas/dashboard/components/chart-kit'

interface Label {
  code: string
  label: { zh: string; en: string }
  color: string | null
}

export interface PlansByStatusData {
  cells: Array<{ method: string; status: string; plans: number; principal: string }>
  methods: Label[]
  statuses: Label[]
}

const STATUS_COLORS: Record<string, string> = {
  draft: '#8a8f99',
  pending: '#e6a23c',
  returned: '#d9822b',
  approved: '#2ba471',
  rejected: '#d54941',
}

export const isEmpty = (data: PlansByStatusData) => !data?.cells?.length

export function headline(data: PlansByStatusData, locale: AppLocale) {
  const count = (status?: string) =>
    (data.cells ?? [])
      .filter((c) => !status || c.status === status)
      .reduce((n, c) => n + c.plans, 0)
  return [
    { label: tr(locale, '预案', 'Plans'), value: String(count()), unit: tr(locale, '笔', '') },
    {
      label: tr(locale, '审批中', 'In approval'),
      value: String(count('pending')),
      unit: tr(locale, '笔', ''),
      tone: 'warning' as const,
    },
  ]
}

export function buildOption(data: PlansByStatusData, locale: AppLocale) {
  const name = (l: Label) => (locale === 'en' ? l.label.en : l.label.zh)
  const cells = data.cells ?? []
  const methods = (data.methods ?? []).filter((m) => cells.some((c) => c.method === m.code))
  const statuses = (data.statuses ?? []).filter((s) => cells.some((c) => c.status === s.code))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: {
      bottom: 0,
      left: 'center',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
    },
    grid: { left: 8, right: 12, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: methods.map(name), axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: statuses.map((s) => ({
      name: name(s),
      type: 'bar',
      stack: 'plans',
      barMaxWidth: 28,
      itemStyle: { color: STATUS_COLORS[s.code] },
      data: methods.map(
        (m) => cells.find((c) => c.method === m.code && c.status === s.code)?.plans ?? 0
      ),
    })),
  }
}
