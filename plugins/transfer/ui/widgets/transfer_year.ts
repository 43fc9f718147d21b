/* 债权转让（本年）: this year's transfers in scope, by method (账面价值 vs 成交价). */
import type { AppLocale } from '@/i18n'
import { tr, wanNumber } from '@/areas/dashboard/components/chart-kit'
import { wanLabel } from '@/utils/money'

export interface TransferYearData {
  year: string
  count: number
  bookValue: string
  price: string
  loss: string
  byMethod: Array<{ method: string; count: number; bookValue: string; price: string }>
}

const METHOD: Record<string, [string, string]> = {
  agreement: ['协议转让', 'Agreement'],
  listing: ['公开挂牌', 'Listing'],
  auction: ['拍卖', 'Auction'],
}

export const isEmpty = (data: TransferYearData) => !data?.count

export function headline(data: TransferYearData, locale: AppLocale) {
  return [
    {
      label: tr(locale, `${data.year} 年转让笔数`, `Transfers ${data.year}`),
      value: String(data.count),
    },
    {
      label: tr(locale, '成交价合计', 'Price'),
      value: wanLabel(data.price, locale),
      tone: 'success' as const,
    },
    {
      label: tr(locale, '转让损失', 'Loss'),
      value: wanLabel(data.loss, locale),
      tone: 'warning' as const,
    },
  ]
}

export function buildOption(data: TransferYearData, locale: AppLocale) {
  const names = data.byMethod.map((m) => {
    const label = METHOD[m.method]
    return label ? tr(locale, label[0], label[1]) : m.method
  })
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: tr(locale, '万元', '10k CNY') },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        name: tr(locale, '账面价值', 'Book value'),
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: '#8a8f99' },
        data: data.byMethod.map((m) => wanNumber(m.bookValue)),
      },
      {
        name: tr(locale, '成交价', 'Price'),
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: '#1f4e99' },
        data: data.byMethod.map((m) => wanNumber(m.price)),
      },
    ],
  }
}
