/*
| Defect 4 (issue 12): an org name with markup ran script in the home page's
| 机构完成金额排名 tooltip. The widget is mounted through the real EChart
| with echarts' init replaced by a recorder (jsdom has no canvas); the tooltip
| formatter ECharts would call is then run and its HTML put into the DOM the way
| ECharts' TooltipHTMLContent does (innerHTML).
*/
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'

const applied: Array<Record<string, any>> = []
vi.mock('echarts/core', async (original) => ({
  ...(await original<typeof import('echarts/core')>()),
  init: () => ({
    setOption: (option: Record<string, any>) => applied.push(option),
    resize: () => {},
    dispose: () => {},
  }),
}))

const { default: EChart } = await import('@/components/EChart.vue')
const orgRanking = await import('@plugins/targets/ui/widgets/org_ranking')
const topCustomers = await import('@plugins/credit-assets/ui/widgets/top_customers')
const { escapeHtml, safeOption, tooltipHtml } = await import('@/components/charts/safe-option')

const HOSTILE = `<img src=x onerror="window.__xss=1">北京分行</div><script>window.__xss=2</script>`

/** What ECharts does with a formatter's answer: innerHTML into the tooltip box. */
function tooltipDom(option: Record<string, any>, params: unknown): HTMLElement {
  const box = document.createElement('div')
  box.innerHTML = String(option.tooltip.formatter(params))
  document.body.appendChild(box)
  return box
}

describe('security: ECharts tooltips escape every text (defect 4)', () => {
  it('the org ranking widget shows a hostile org name as text, runs nothing', () => {
    applied.length = 0
    const data = {
      year: 2026,
      period: 'year',
      rows: [
        { rank: 1, orgId: 9, orgName: HOSTILE, target: '100.00', actual: '50.00', rate: '50.00' },
      ],
    }
    const wrapper = mount(EChart, { props: { option: orgRanking.buildOption(data, 'zh-CN') } })
    expect(applied).toHaveLength(1)
    const box = tooltipDom(applied[0], [{ dataIndex: 0 }])
    expect(box.querySelector('img, script, div')).toBeNull()
    expect(box.textContent).toContain(HOSTILE)
    // Lines are still lines.
    expect(box.querySelectorAll('br').length).toBe(3)
    expect((window as any).__xss).toBeUndefined()
    wrapper.unmount()
  })

  it('guards options set again after a data change, and customer names too', async () => {
    applied.length = 0
    const rows = [{ customerId: 1, customerName: HOSTILE, loans: 2, balance: '10.00' }]
    const wrapper = mount(EChart, { props: { option: {} } })
    await wrapper.setProps({ option: topCustomers.buildOption({ rows }, 'en') })
    const box = tooltipDom(applied[1], [{ dataIndex: 0 }])
    expect(box.querySelector('img, script')).toBeNull()
    expect(box.textContent).toContain(HOSTILE)
  })

  it('wraps tooltip formatters wherever ECharts accepts one, once, and leaves the rest alone', () => {
    const gradient = new (class Gradient {
      colorStops = []
    })()
    const raw = {
      tooltip: {
        formatter: () => '<b>a</b>\nb',
        axisPointer: { label: { formatter: () => '<i>' } },
      },
      legend: { tooltip: { show: true, formatter: () => '<u>' } },
      series: [
        {
          tooltip: { formatter: () => '<s>' },
          data: [{ value: 1, tooltip: { formatter: () => '<q>' } }],
          label: { formatter: () => '<canvas text>' },
          itemStyle: { color: gradient },
        },
      ],
    }
    const safe = safeOption(raw) as any
    expect(safe.tooltip.formatter()).toBe('&lt;b&gt;a&lt;/b&gt;<br/>b')
    expect(safeOption(safe).tooltip.formatter()).toBe('&lt;b&gt;a&lt;/b&gt;<br/>b')
    expect(safe.legend.tooltip.formatter()).toBe('&lt;u&gt;')
    expect(safe.series[0].tooltip.formatter()).toBe('&lt;s&gt;')
    expect(safe.series[0].data[0].tooltip.formatter()).toBe('&lt;q&gt;')
    // Canvas text is not HTML: labels and axis pointer labels are untouched.
    expect(safe.series[0].label.formatter()).toBe('<canvas text>')
    expect(safe.tooltip.axisPointer.label.formatter()).toBe('<i>')
    expect(safe.series[0].itemStyle.color).toBe(gradient)
    expect(raw.tooltip.formatter()).toBe('<b>a</b>\nb')
    // The async form's callback is escaped as well.
    let sent = ''
    const asyncOption = safeOption({
      tooltip: { formatter: (_p: unknown, t: string, cb: any) => (cb(t, '<x>'), '…') },
    }) as any
    asyncOption.tooltip.formatter({}, 't1', (_t: string, html: string) => (sent = html))
    expect(sent).toBe('&lt;x&gt;')
    expect(escapeHtml(`'"&`)).toBe('&#39;&quot;&amp;')
    expect(tooltipHtml(null)).toBe('')
  })

  it('every file that creates an ECharts instance passes its option through safeOption', () => {
    const root = join(__dirname, '..', '..', '..')
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules') continue
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(vue|ts)$/.test(name) && !name.endsWith('.spec.ts')) files.push(path)
      }
    }
    walk(join(root, 'frontend', 'src'))
    for (const plugin of readdirSync(join(root, 'plugins'))) {
      const ui = join(root, 'plugins', plugin, 'ui')
      if (statSync(join(root, 'plugins', plugin)).isDirectory() && existsDir(ui)) walk(ui)
    }
    const charts = files.filter((f) =>
      /echarts\.init\(|\.setOption\(/.test(readFileSync(f, 'utf8'))
    )
    expect(charts.length).toBeGreaterThanOrEqual(1)
    for (const file of charts) {
      const text = readFileSync(file, 'utf8')
      const calls = text.match(/\.setOption\(([^)]*)/g) ?? []
      for (const call of calls) expect(call, file).toMatch(/\.setOption\(safeOption\(/)
    }
  })
})

function existsDir(path: string) {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
