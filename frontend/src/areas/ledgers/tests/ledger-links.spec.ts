import { describe, expect, it } from 'vitest'
import { RouterLinkStub } from '@vue/test-utils'
import LedgerCell from '@/areas/ledgers/components/LedgerCell.vue'
import { filtersFromRoute } from '@/areas/ledgers/components/ledgerQuery'
import type { LedgerColumn } from '@/areas/ledgers/api'
import { mountInConsole, signedInAs } from '../../../../tests/helpers'

/* A ledger cell that opens its record (资产处置台账 → 处置预案, → source record). */
const column = (link: LedgerColumn['link']): LedgerColumn => ({
  key: 'planNo',
  label: { zh: '处置预案', en: 'Plan' },
  type: 'text',
  dict: null,
  sortable: false,
  total: false,
  visible: true,
  width: null,
  link,
})

function cell(link: LedgerColumn['link'], row: Record<string, unknown>, plain = false) {
  return mountInConsole(LedgerCell, signedInAs([]), {
    props: { column: column(link), value: 'CZYA001', row, plain },
    global: { stubs: { RouterLink: RouterLinkStub } },
  })
}

describe('ledger links', () => {
  it('links an id to its page and a stored console path as it is', () => {
    const byId = cell({ path: '/p/disposal/PlanQuery', param: 'id' }, { planNo__link: '12' })
    expect(byId.findComponent(RouterLinkStub).props('to')).toEqual({
      path: '/p/disposal/PlanQuery',
      query: { id: '12' },
    })
    const byPath = cell({ path: null, param: null }, { planNo__link: '/p/transfer/Deals?id=7' })
    expect(byPath.findComponent(RouterLinkStub).props('to')).toBe('/p/transfer/Deals?id=7')
  })

  it('shows plain text without a target, on paper, or for anything but a console path', () => {
    expect(cell({ path: '/p/x', param: 'id' }, {}).findComponent(RouterLinkStub).exists()).toBe(
      false
    )
    expect(
      cell({ path: '/p/x', param: 'id' }, { planNo__link: '1' }, true)
        .findComponent(RouterLinkStub)
        .exists()
    ).toBe(false)
    for (const target of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)']) {
      const wrapper = cell({ path: null, param: null }, { planNo__link: target })
      expect(wrapper.findComponent(RouterLinkStub).exists()).toBe(false)
      expect(wrapper.text()).toBe('CZYA001')
    }
  })

  it('takes declared filters from the query string, nothing else', () => {
    const definition = {
      filters: [
        { key: 'keyword', label: { zh: '', en: '' }, type: 'keyword' as const, dict: null },
        { key: 'paidOn', label: { zh: '', en: '' }, type: 'dateRange' as const, dict: null },
      ],
    }
    expect(
      filtersFromRoute(definition, {
        keyword: ' JJ01 ',
        paidOnFrom: '2026-01-01',
        paidOn: 'x',
        page: '3',
        other: 'y',
        keywordList: ['a'],
      })
    ).toEqual({ keyword: 'JJ01', paidOnFrom: '2026-01-01' })
  })
})
