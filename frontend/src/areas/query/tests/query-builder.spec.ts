import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import ConditionGroup from '@/areas/query/components/ConditionGroup.vue'
import {
  MAX_DEPTH,
  conditionKeyAt,
  depthOf,
  emptyState,
  expectedColumns,
  fromSpec,
  newCondition,
  newGroup,
  toSpec,
  withCounts,
} from '@/areas/query/components/query_model'
import type { CatalogueDataset, CatalogueField } from '@/areas/query/api'
import { mountInConsole, signedInAs, withDictionaries } from '../../../../tests/helpers'

const field = (id: string, type: CatalogueField['type'], extra: Partial<CatalogueField> = {}) => ({
  id,
  label: { zh: id, en: id },
  type,
  dictionary: null,
  category: 'loan',
  groupable: type !== 'amount',
  ...extra,
})
const fields: CatalogueField[] = [
  field('customerName', 'string'),
  field('balance', 'amount'),
  field('fiveClass', 'dict', { dictionary: 'five_class' }),
  field('enteredOn', 'date'),
]
const dataset: CatalogueDataset = {
  id: 'credit-assets:risk-assets',
  name: { zh: '风险资产', en: 'Risk assets' },
  description: null,
  asOf: true,
  defaultFields: [],
  categories: [{ id: 'loan', name: { zh: '借据', en: 'Loan' } }],
  fields,
}

describe('query model', () => {
  it('sends ids and values only, in the shape each operator takes', () => {
    const state = emptyState(dataset.id)
    state.fields = ['customerName', 'balance']
    const like = newCondition(fields[0])
    like.value = '甲公司'
    const range = newCondition(fields[1])
    range.op = 'between'
    range.values = ['1.00', '2.00']
    const empty = newCondition(fields[3])
    empty.op = 'empty'
    empty.value = 'ignored'
    const or = newGroup('or')
    const inList = newCondition(fields[2])
    inList.op = 'in'
    inList.values = ['substandard', 'doubtful']
    or.items.push(inList)
    state.where.items.push(like, range, empty, or, newGroup('and'))
    state.asOf = '2026-06-30'
    expect(toSpec(state)).toEqual({
      dataset: dataset.id,
      fields: ['customerName', 'balance'],
      where: {
        logic: 'and',
        items: [
          { field: 'customerName', op: 'like', value: '甲公司' },
          { field: 'balance', op: 'between', values: ['1.00', '2.00'] },
          { field: 'enteredOn', op: 'empty' },
          {
            logic: 'or',
            items: [{ field: 'fiveClass', op: 'in', values: ['substandard', 'doubtful'] }],
          },
        ],
      },
      asOf: '2026-06-30',
    })
  })

  it('round-trips a saved query and keeps sums only with groups', () => {
    const spec = {
      dataset: dataset.id,
      fields: ['customerName'],
      groupBy: ['fiveClass'],
      sums: ['balance'],
      sort: [{ field: 'sum_balance', order: 'desc' as const }],
    }
    expect(toSpec(fromSpec(spec))).toEqual(spec)
    const state = fromSpec(spec)
    state.groupBy = []
    expect(toSpec(state).sums).toBeUndefined()
    expect(expectedColumns(fromSpec(spec), dataset).map((c) => c.key)).toEqual([
      'fiveClass',
      'count',
      'sum_balance',
    ])
  })

  it('maps a server error path to the condition row, skipping empty groups as the server did', () => {
    const state = emptyState(dataset.id)
    const first = newCondition(fields[0])
    const inner = newGroup('or')
    const target = newCondition(fields[1])
    inner.items.push(target)
    state.where.items.push(newGroup('and'), first, inner)
    expect(conditionKeyAt(state, 'query.where.items.0.field')).toBe(first.key)
    expect(conditionKeyAt(state, 'query.where.items.1.items.0.value')).toBe(target.key)
    expect(conditionKeyAt(state, 'query.sort.0.field')).toBeNull()
    expect(depthOf(state.where)).toBe(2)
  })
})

describe('paging a counted result', () => {
  it('keeps the first answer’s count and totals when the server sends rows only', () => {
    const meta = { page: 1, perPage: 2, grouped: false }
    const first = {
      columns: [],
      data: [{}],
      totals: { balance: '3.00' },
      meta: { ...meta, total: 3 },
    }
    const rowsOnly = {
      columns: [],
      data: [{}],
      totals: null,
      meta: { ...meta, page: 2, total: null },
    }
    expect(withCounts(rowsOnly, first)).toEqual({
      columns: [],
      data: [{}],
      totals: { balance: '3.00' },
      meta: { ...meta, page: 2, total: 3 },
    })
    expect(withCounts(first, rowsOnly)).toBe(first)
  })
})

describe('ConditionGroup', () => {
  it('offers sub-groups only up to the depth the server accepts', async () => {
    const pinia = signedInAs(['system:query:run'])
    withDictionaries({ five_class: [] })
    const group = reactive(newGroup('and'))
    const wrapper = mountInConsole(ConditionGroup, pinia, {
      props: { group, fields, depth: 1, errors: {} },
    })
    await wrapper.get('[data-testid="add-group"]').trigger('click')
    const second = wrapper.findAll('[data-testid="condition-group"]')[1]
    await second.get('[data-testid="add-group"]').trigger('click')
    const nested = wrapper.findAll('[data-testid="condition-group"]')
    expect(nested).toHaveLength(3)
    // The third level holds conditions only.
    const deepest = nested[2]
    expect(deepest.find('[data-testid="add-group"]').exists()).toBe(false)
    expect(depthOf(group)).toBe(MAX_DEPTH)
    wrapper.unmount()
  })

  it('shows the server message on the row it is about', () => {
    const pinia = signedInAs([])
    const group = reactive(newGroup('and'))
    const row = newCondition(fields[1])
    group.items.push(row)
    const wrapper = mountInConsole(ConditionGroup, pinia, {
      props: { group, fields, depth: 1, errors: { [row.key]: '请输入金额（元，最多两位小数）' } },
    })
    expect(wrapper.get('[data-testid="condition-row"]').text()).toContain('请输入金额')
    wrapper.unmount()
  })
})
