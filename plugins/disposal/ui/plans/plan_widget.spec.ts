import { describe, expect, it } from 'vitest'
import { buildOption, headline, isEmpty } from '../widgets/plans_by_status'

const L = (code: string, zh: string, en: string) => ({ code, label: { zh, en }, color: null })
const data = {
  cells: [
    { method: 'litigation', status: 'pending', plans: 2, principal: '300.00' },
    { method: 'litigation', status: 'approved', plans: 1, principal: '100.00' },
    { method: 'collection', status: 'approved', plans: 4, principal: '50.00' },
  ],
  methods: [
    L('collection', '清收', 'Collection'),
    L('litigation', '诉讼', 'Litigation'),
    L('relief', '减免', 'Relief'),
  ],
  statuses: [
    L('pending', '审批中', 'In approval'),
    L('approved', '已批准', 'Approved'),
    L('rejected', '已否决', 'Rejected'),
  ],
}

describe('处置预案分布 widget', () => {
  it('stacks one series per status over the methods that have plans', () => {
    const option = buildOption(data, 'zh-CN') as any
    expect(option.xAxis.data).toEqual(['清收', '诉讼'])
    expect(option.series.map((s: any) => s.name)).toEqual(['审批中', '已批准'])
    expect(option.series[0].data).toEqual([0, 2])
    expect(option.series[1].data).toEqual([4, 1])
    expect((buildOption(data, 'en') as any).xAxis.data).toEqual(['Collection', 'Litigation'])
  })

  it('headlines count all plans and those in approval; empty data is empty', () => {
    expect(headline(data, 'zh-CN').map((h) => h.value)).toEqual(['7', '2'])
    expect(isEmpty({ cells: [], methods: [], statuses: [] })).toBe(true)
    expect(isEmpty(data)).toBe(false)
  })
})
