import { describe, expect, it } from 'vitest'
import {
  cssString,
  filterQuery,
  orgTree,
  pageCounterCss,
  printPageCss,
  rowsQuery,
  shownColumns,
} from '@/areas/ledgers/components/ledgerQuery'
import type { LedgerDefinition } from '@/areas/ledgers/api'

const column = (key: string, visible = true) => ({
  key,
  label: { zh: key, en: key },
  type: 'text' as const,
  dict: null,
  sortable: false,
  total: false,
  visible,
  width: null,
})

const definition: LedgerDefinition = {
  id: 'risk-assets',
  name: { zh: '风险资产台账', en: 'Risk asset ledger' },
  asOf: true,
  canExport: true,
  defaultSort: null,
  columns: [column('loanNo'), column('balance'), column('penalty', false)],
  filters: [],
  orgs: [],
  asOfDates: null,
}

describe('ledger page helpers', () => {
  it('drops empty filters and keeps amounts as text', () => {
    expect(filterQuery({ keyword: '  张三 ', orgId: null, balanceFrom: '1000.10', x: '' })).toEqual(
      {
        keyword: '张三',
        balanceFrom: '1000.10',
      }
    )
  })

  it('sends the order only with a sort, and the as-of date only when picked', () => {
    expect(rowsQuery({}, { page: 2, perPage: 50, order: 'asc', asOf: null })).toEqual({
      page: 2,
      perPage: 50,
      sort: undefined,
      order: undefined,
      asOf: undefined,
    })
    expect(
      rowsQuery({}, { page: 1, perPage: 20, sort: 'balance', order: 'desc', asOf: '2026-11-30' })
    ).toMatchObject({ sort: 'balance', order: 'desc', asOf: '2026-11-30' })
  })

  it('shows the chosen columns in definition order, or the defaults', () => {
    expect(shownColumns(definition, null).map((c) => c.key)).toEqual(['loanNo', 'balance'])
    expect(shownColumns(definition, ['penalty', 'loanNo']).map((c) => c.key)).toEqual([
      'loanNo',
      'penalty',
    ])
    expect(shownColumns(definition, ['gone']).map((c) => c.key)).toEqual(['loanNo', 'balance'])
  })

  it('builds the org tree from the flat list', () => {
    const tree = orgTree([
      { id: 1, name: '总行', parentId: null },
      { id: 2, name: '北京分行', parentId: 1 },
      { id: 3, name: '朝阳支行', parentId: 2 },
    ])
    expect(tree[0].children[0].children[0]).toEqual({ value: 3, label: '朝阳支行', children: [] })
  })

  it('prints page numbers and a header that cannot break out of the CSS string', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"')
    expect(pageCounterCss('第 {page} 页 / 共 {pages} 页')).toBe(
      '"第 " counter(page) " 页 / 共 " counter(pages) " 页"'
    )
    const css = printPageCss({ left: '示范银行 · 台账', right: '打印人：张三' }, 'counter(page)')
    expect(css).toContain('size: A4 landscape')
    expect(css).toContain('@bottom-center { content: counter(page)')
    expect(css).toContain('@top-right { content: "打印人：张三"')
  })
})
