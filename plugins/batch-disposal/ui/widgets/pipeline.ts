/* 批量处置进度: projects by stage (count) with the pooled principal. */
import type { AppLocale } from '@/i18n'
import { tr, wanNumber } from '@/areas/dashboard/components/chart-kit'

export interface PipelineData {
  total: number
  stages: Array<{ stage: string; count: number; principal: string; price: string }>
}

const STAGE: Record<string, [string, string]> = {
  initiation: ['转让立项', 'Initiation'],
  pool: ['组建资产池', 'Pool'],
  due_diligence: ['尽职调查', 'Due diligence'],
  packaging: ['处置方案', 'Packaging'],
  implementation: ['方案实施', 'Implementation'],
  closed: ['已交割', 'Delivered'],
}

export const isEmpty = (data: PipelineData) => !data?.total

export function headline(data: PipelineData, locale: AppLocale) {
  const open = data.stages.filter((s) => s.stage !== 'closed').reduce((n, s) => n + s.count, 0)
  return [
    { label: tr(locale, '进行中项目', 'Open projects'), value: String(open) },
    {
      label: tr(locale, '已交割项目', 'Delivered'),
      value: String(data.stages.find((s) => s.stage === 'closed')?.count ?? 0),
      tone: 'success' as const,
    },
  ]
}

export function buildOption(data: PipelineData, locale: AppLocale) {
  const names = data.stages.map((s) => {
    const label = STAGE[s.stage]
    return label ? tr(locale, label[0], label[1]) : s.stage
  })
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: [
      { type: 'value', name: tr(locale, '项目数', 'Projects'), minInterval: 1 },
      { type: 'value', name: tr(locale, '万元', '10k CNY') },
    ],
    series: [
      {
        name: tr(locale, '项目数', 'Projects'),
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: '#1f4e99' },
        data: data.stages.map((s) => s.count),
      },
      {
        name: tr(locale, '入池本金', 'Pooled principal'),
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: '#c9822b' },
        data: data.stages.map((s) => wanNumber(s.principal)),
      },
    ],
  }
}
