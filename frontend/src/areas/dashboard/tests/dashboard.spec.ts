import { describe, expect, it } from 'vitest'
import type { LayoutItem, WidgetInfo } from '@/areas/dashboard/api'
import {
  asWidgetView,
  buildViewRegistry,
  createViewResolver,
  widgetViewKey,
  widgetViewRegistry,
} from '@/areas/dashboard/components/widget-views'
import {
  addWidget,
  hiddenWidgets,
  removeWidget,
  sameLayout,
  toSaved,
} from '@/areas/dashboard/components/layout'
import { wanLabel, yuanToWan } from '@/utils/money'

const widget = (id: string, w = 6, h = 8): WidgetInfo => ({
  id,
  kind: id.startsWith('core:') ? 'panel' : 'chart',
  plugin: id.split(':')[0],
  title: { zh: id, en: id },
  permission: null,
  view: null,
  defaultSize: { w, h },
  defaultOn: true,
})

describe('dashboard widget views (plugins/<id>/ui/widgets/<name>.ts)', () => {
  it('derives view keys from plugin widget files only', () => {
    expect(widgetViewKey('/plugins/credit-assets/ui/widgets/risk_total.ts')).toBe(
      'credit-assets/risk_total'
    )
    expect(widgetViewKey('../../plugins/targets/ui/widgets/org_ranking.ts')).toBe(
      'targets/org_ranking'
    )
    expect(widgetViewKey('/plugins/targets/ui/api.ts')).toBeNull()
    expect(widgetViewKey('/plugins/targets/ui/widgets/deep/x.ts')).toBeNull()
  })

  it('resolves a key to a module with buildOption, and nothing else', async () => {
    const registry = buildViewRegistry({
      '/plugins/a/ui/widgets/good.ts': async () => ({ buildOption: () => ({ series: [] }) }),
      '/plugins/a/ui/widgets/bad.ts': async () => ({ notAView: true }),
    })
    const load = createViewResolver(registry)
    expect(await load('a/good')).not.toBeNull()
    expect(await load('a/bad')).toBeNull()
    expect(await load('a/missing')).toBeNull()
    expect(await load(null)).toBeNull()
    expect(asWidgetView(null)).toBeNull()
  })

  it('finds the shipped widget views at build time', () => {
    for (const key of [
      'credit-assets/risk_total',
      'credit-assets/class_mix',
      'credit-assets/top_customers',
      'targets/plan_completion',
      'targets/org_ranking',
    ])
      expect(widgetViewRegistry.has(key), key).toBe(true)
  })
})

describe('dashboard layout operations', () => {
  const items: LayoutItem[] = [
    { i: 'core:todo', x: 0, y: 0, w: 6, h: 8 },
    { i: 'a:chart', x: 6, y: 0, w: 6, h: 10 },
  ]

  it('lists the allowed widgets that are not on the page', () => {
    const all = [widget('core:todo'), widget('a:chart'), widget('b:chart')]
    expect(hiddenWidgets(all, items).map((w) => w.id)).toEqual(['b:chart'])
  })

  it('adds a widget below everything at its default size, once', () => {
    const added = addWidget(items, widget('b:chart', 20, 5))
    expect(added.at(-1)).toEqual({ i: 'b:chart', x: 0, y: 10, w: 12, h: 5 })
    expect(addWidget(added, widget('b:chart'))).toBe(added)
    expect(removeWidget(added, 'b:chart')).toEqual(items)
  })

  it('sends only whole numbers inside the 12-column grid', () => {
    const saved = toSaved([{ i: 'x:y', x: 10.6, y: -1, w: 4.2, h: 1, moved: true } as any])
    expect(saved).toEqual([{ i: 'x:y', x: 8, y: 0, w: 4, h: 2 }])
    expect(sameLayout(items, [...items].reverse())).toBe(true)
    expect(sameLayout(items, [{ ...items[0], w: 5 }, items[1]])).toBe(false)
  })
})

describe('chart amounts in 万元', () => {
  it('converts yuan strings exactly, half-up, without floats', () => {
    expect(yuanToWan('123456789.50')).toBe('12345.68')
    expect(yuanToWan('5.00')).toBe('0.00')
    expect(yuanToWan('50.00')).toBe('0.01')
    expect(yuanToWan('9007199254740993.10')).toBe('900719925474.10')
    expect(yuanToWan('-25000.00')).toBe('-2.50')
    expect(yuanToWan(null)).toBe('0.00')
    expect(wanLabel('1500000.01', 'zh-CN')).toBe('150.00 万元')
  })
})

describe('shipped widget views build ECharts options', () => {
  it('风险资产总额: headline and a 12-point line', async () => {
    const view = asWidgetView(await widgetViewRegistry.get('credit-assets/risk_total')!())!
    const data = {
      asOf: '2026-06-30',
      total: '1500000.01',
      loans: 2,
      customers: 2,
      source: 'rebuilt',
      trend: Array.from({ length: 12 }, (_, i) => ({
        date: `2026-0${(i % 9) + 1}-28`,
        balance: '1000000.00',
      })),
    }
    expect(view.headline!(data, 'zh-CN')[0]).toMatchObject({
      label: '风险资产余额',
      value: '150.00',
    })
    const option = view.buildOption(data, 'zh-CN') as any
    expect(option.series[0].type).toBe('line')
    expect(option.series[0].data).toHaveLength(12)
    expect(option.series[0].data[0]).toBe(100)
  })

  it('五级分类分布 drops empty classes and labels in the chosen language', async () => {
    const view = asWidgetView(await widgetViewRegistry.get('credit-assets/class_mix')!())!
    const data = {
      classes: [
        { code: 'normal', loans: 1, balance: '200000.00' },
        { code: 'loss', loans: 0, balance: '0.00' },
      ],
      total: '200000.00',
      nonPerforming: '0.00',
      nonPerformingRatio: '0.00',
    }
    const option = view.buildOption(data, 'en') as any
    expect(option.series[0].data).toEqual([expect.objectContaining({ name: 'Normal', value: 20 })])
    expect(view.isEmpty!({ ...data, classes: [] })).toBe(true)
  })

  it('计划完成情况 and 机构完成金额排名 show target, done and rank', async () => {
    const plan = asWidgetView(await widgetViewRegistry.get('targets/plan_completion')!())!
    const planData = {
      year: 2026,
      period: 'Y',
      kinds: [
        { kind: 'reduction', orgs: 2, target: '1000000.00', actual: '500000.00', rate: '50.00' },
        { kind: 'recovery', orgs: 2, target: '1000000.00', actual: '1200000.00', rate: '120.00' },
      ],
    }
    const option = plan.buildOption(planData, 'zh-CN') as any
    expect(option.xAxis.data).toEqual(['压降', '清收'])
    expect(option.series.map((s: any) => s.data)).toEqual([
      [100, 100],
      [50, 120],
    ])
    expect(plan.headline!(planData, 'zh-CN').map((f) => f.tone)).toEqual(['warning', 'success'])

    const ranking = asWidgetView(await widgetViewRegistry.get('targets/org_ranking')!())!
    const rankingOption = ranking.buildOption(
      {
        year: 2026,
        period: 'Y',
        rows: [
          {
            rank: 1,
            orgId: 2,
            orgName: '北京分行',
            target: '1.00',
            actual: '400000.00',
            rate: '90.00',
          },
          {
            rank: 2,
            orgId: 5,
            orgName: '上海分行',
            target: '1.00',
            actual: '200000.00',
            rate: '50.00',
          },
        ],
      },
      'zh-CN'
    ) as any
    // Best on top: ECharts draws the first category at the bottom.
    expect(rankingOption.yAxis.data).toEqual(['2. 上海分行', '1. 北京分行'])
  })
})

describe('五级分类分布 shares', () => {
  it('are exact to the basis point, half-up', async () => {
    const { share } = await import('@plugins/credit-assets/ui/widgets/class_mix')
    expect(share('1760888781.56', '2496230028.69')).toBe('70.54')
    expect(share('1.00', '3.00')).toBe('33.33')
    expect(share('2.00', '3.00')).toBe('66.67')
    expect(share('0.00', '0.00')).toBe('0.00')
  })
})
