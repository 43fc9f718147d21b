import { describe, expect, it } from 'vitest'
import { buildOption, headline, isEmpty, type AssetsByClassData } from './assets_by_class'

const data: AssetsByClassData = {
  asOf: '2026-12-07',
  cells: [
    { assetClass: 'real_estate', band: 'in_period', assets: 2, bookValue: '4060000.00' },
    { assetClass: 'movable', band: 'overdue', assets: 1, bookValue: '420000.00' },
    { assetClass: 'equity', band: 'overdue', assets: 1, bookValue: '6500000.00' },
    { assetClass: 'movable', band: 'due_soon', assets: 1, bookValue: '180000.00' },
  ],
  breaches: 2,
  breachValue: '6920000.00',
}

describe('抵债资产分类与处置期限 widget', () => {
  it('stacks each class by age against the deadline', () => {
    const option = buildOption(data, 'zh-CN') as any
    expect(option.xAxis.data).toEqual(['不动产', '动产', '股权', '其他权利'])
    expect(option.series.map((s: any) => s.name)).toEqual(['期限内', '6个月内到期', '超期未处置'])
    expect(option.series[0].data).toEqual([2, 0, 0, 0])
    expect(option.series[1].data).toEqual([0, 1, 0, 0])
    expect(option.series[2].data).toEqual([0, 1, 1, 0])
    expect((buildOption(data, 'en') as any).xAxis.data[0]).toBe('Real estate')
  })

  it('headline: the breaches and their book value, danger only when there are any', () => {
    const [count, value] = headline(data, 'zh-CN')
    expect(count.value).toBe('2')
    expect(count.tone).toBe('danger')
    expect(value.value).toBe('6,920,000.00')
    expect(headline({ ...data, breaches: 0, breachValue: '0.00' }, 'zh-CN')[0].tone).toBe('success')
  })

  it('is empty without assets', () => {
    expect(isEmpty({ ...data, cells: [] })).toBe(true)
    expect(isEmpty(data)).toBe(false)
  })
})
