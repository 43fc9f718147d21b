/* 核销进度: this year's write-offs against the annual target, and 核销后收回. */
import type { AppLocale } from '@/i18n'
import { tr, wanNumber } from '@/areas/dashboard/components/chart-kit'
import { wanLabel } from '@/utils/money'

export interface WriteOffProgressData {
  year: string
  writtenOff: string
  target: string
  completion: string | null
  byKind: Record<'loan' | 'card', { count: number; amount: string }>
  recovered: string
}

export const isEmpty = (data: WriteOffProgressData) => !data?.year

export function headline(data: WriteOffProgressData, locale: AppLocale) {
  return [
    {
      label: tr(locale, `${data.year} 年已核销`, `Written off ${data.year}`),
      value: wanLabel(data.writtenOff, locale),
    },
    {
      label: tr(locale, '目标完成率', 'Of target'),
      value: data.completion === null ? '—' : `${data.completion}%`,
      tone: 'warning' as const,
    },
    {
      label: tr(locale, '核销后收回', 'Recovered after'),
      value: wanLabel(data.recovered, locale),
      tone: 'success' as const,
    },
  ]
}

export function buildOption(data: WriteOffProgressData, locale: AppLocale) {
  const names = [
    tr(locale, '年度目标', 'Target'),
    tr(locale, '已核销·贷款', 'Loans written off'),
    tr(locale, '已核销·信用卡', 'Cards written off'),
    tr(locale, '核销后收回', 'Recovered'),
  ]
  const values = [
    wanNumber(data.target),
    wanNumber(data.byKind?.loan?.amount),
    wanNumber(data.byKind?.card?.amount),
    wanNumber(data.recovered),
  ]
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: tr(locale, '万元', '10k CNY') },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: values.map((value, i) => ({
          value,
          itemStyle: { color: ['#8a8f99', '#1f4e99', '#e6a23c', '#2ba471'][i] },
        })),
      },
    ],
  }
}
