/* 计划完成情况: target against done per kind (压降, 清收), bars in 万元 with the 完成率 on top. */
import type { AppLocale } from '@/i18n'
import { baseOption, tr, wanNumber } from '@/areas/dashboard/components/chart-kit'
import { wanLabel } from '@/utils/money'

export interface PlanCompletionData {
  year: number
  period: string
  kinds: Array<{
    kind: 'reduction' | 'recovery'
    orgs: number
    target: string
    actual: string
    rate: string | null
  }>
}

const KIND: Record<string, [string, string]> = {
  reduction: ['压降', 'Reduction'],
  recovery: ['清收', 'Recovery'],
}

export const isEmpty = (data: PlanCompletionData) => !data?.kinds?.some((k) => k.orgs > 0)

export function headline(data: PlanCompletionData, locale: AppLocale) {
  return (data.kinds ?? []).map((k) => ({
    label: `${data.year} ${tr(locale, KIND[k.kind][0] + '完成率', KIND[k.kind][1] + ' done')}`,
    value: k.rate ?? '—',
    unit: '%',
    tone: (k.rate !== null && Number(k.rate) >= 100 ? 'success' : 'warning') as
      'success' | 'warning',
  }))
}

export function buildOption(data: PlanCompletionData, locale: AppLocale) {
  const kinds = data.kinds ?? []
  const names = kinds.map((k) => tr(locale, KIND[k.kind][0], KIND[k.kind][1]))
  return {
    ...baseOption(),
    legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: Array<{ dataIndex: number }>) => {
        const k = kinds[params[0]?.dataIndex ?? 0]
        if (!k) return ''
        return [
          names[params[0].dataIndex],
          `${tr(locale, '目标', 'Target')}：${wanLabel(k.target, locale)}`,
          `${tr(locale, '完成', 'Done')}：${wanLabel(k.actual, locale)}`,
          `${tr(locale, '完成率', 'Rate')}：${k.rate ?? '—'}%`,
        ].join('\n')
      },
    },
    xAxis: { type: 'category', data: names, axisTick: { show: false } },
    yAxis: {
      type: 'value',
      name: tr(locale, '万元', '10k CNY'),
      splitLine: { lineStyle: { color: '#eef1f6' } },
    },
    series: [
      {
        name: tr(locale, '目标', 'Target'),
        type: 'bar',
        barGap: '10%',
        barWidth: 36,
        itemStyle: { color: '#c6d4ea', borderRadius: [4, 4, 0, 0] },
        data: kinds.map((k) => wanNumber(k.target)),
      },
      {
        name: tr(locale, '完成', 'Done'),
        type: 'bar',
        barWidth: 36,
        itemStyle: { color: '#1f4e99', borderRadius: [4, 4, 0, 0] },
        label: {
          show: true,
          position: 'top',
          color: '#1f4e99',
          formatter: (p: { dataIndex: number }) => (kinds[p.dataIndex]?.rate ?? '—') + '%',
        },
        data: kinds.map((k) => wanNumber(k.actual)),
      },
    ],
  }
}
