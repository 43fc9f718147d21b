import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'

/* The console's one ECharts wrapper: echarts itself is faked (jsdom has no canvas). */
const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() }
vi.mock('echarts/core', () => ({ use: vi.fn(), init: vi.fn(() => chart) }))

const { default: EChart } = await import('@/components/EChart.vue')
const echarts = await import('echarts/core')

describe('EChart', () => {
  it('draws the option, redraws on change, disposes on unmount', async () => {
    const option = { series: [{ type: 'line', data: [1, 2] }] }
    const wrapper = mount(EChart, { props: { option, height: '260px' } })
    expect(echarts.init).toHaveBeenCalledWith(wrapper.element)
    expect(chart.setOption).toHaveBeenLastCalledWith(option)
    expect(wrapper.attributes('style')).toContain('height: 260px')

    const next = { series: [{ type: 'bar', data: [3] }] }
    await wrapper.setProps({ option: next })
    expect(chart.setOption).toHaveBeenLastCalledWith(next, true)

    wrapper.unmount()
    expect(chart.dispose).toHaveBeenCalled()
  })

  it('fills its box when no height is given', () => {
    const wrapper = mount(EChart, { props: { option: {} } })
    expect(wrapper.attributes('style')).toBeUndefined()
    expect(wrapper.classes()).toContain('e-chart')
  })
})
