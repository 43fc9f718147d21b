/*
| The query builder's state and its translation to what the server runs
| (QuerySpec: ids and values only). Pure functions, so the rules are tested
| without a browser. The operator lists mirror backend/query/compile_query.ts;
| the server checks them again.
*/
import type {
  CatalogueDataset,
  CatalogueField,
  FieldType,
  Operator,
  QueryCondition,
  QueryGroup,
  QueryResult,
  QuerySpec,
} from '@/areas/query/api'

/** Levels of AND/OR groups, the root included (as the server's MAX_GROUP_DEPTH). */
export const MAX_DEPTH = 3

export const OPERATORS_BY_TYPE: Record<FieldType, Operator[]> = {
  string: ['eq', 'ne', 'in', 'like', 'empty', 'notEmpty'],
  dict: ['eq', 'ne', 'in', 'empty', 'notEmpty'],
  amount: ['eq', 'ne', 'between', 'gte', 'lte', 'empty', 'notEmpty'],
  number: ['eq', 'ne', 'in', 'between', 'gte', 'lte', 'empty', 'notEmpty'],
  date: ['eq', 'ne', 'between', 'gte', 'lte', 'empty', 'notEmpty'],
}

/** The operator a new condition starts with: "contains" for text, "is" for the rest. */
export const defaultOperator = (type: FieldType): Operator => (type === 'string' ? 'like' : 'eq')

export interface ConditionRow {
  kind: 'condition'
  key: number
  field: string
  op: Operator
  value: string
  values: string[]
}

export interface GroupNode {
  kind: 'group'
  key: number
  logic: 'and' | 'or'
  items: (ConditionRow | GroupNode)[]
}

export interface BuilderState {
  dataset: string
  fields: string[]
  where: GroupNode
  sort: { field: string; order: 'asc' | 'desc' }[]
  groupBy: string[]
  sums: string[]
  asOf: string | null
}

let nextKey = 1
const key = () => nextKey++

export const newGroup = (logic: 'and' | 'or' = 'and'): GroupNode => ({
  kind: 'group',
  key: key(),
  logic,
  items: [],
})

export function newCondition(field: CatalogueField): ConditionRow {
  return {
    kind: 'condition',
    key: key(),
    field: field.id,
    op: defaultOperator(field.type),
    value: '',
    values: [],
  }
}

export const emptyState = (dataset = ''): BuilderState => ({
  dataset,
  fields: [],
  where: newGroup('and'),
  sort: [],
  groupBy: [],
  sums: [],
  asOf: null,
})

/** How many values an operator takes: none, one, two (a range) or a list. */
export function valueShape(op: Operator): 'none' | 'one' | 'range' | 'list' {
  if (op === 'empty' || op === 'notEmpty') return 'none'
  if (op === 'between') return 'range'
  if (op === 'in') return 'list'
  return 'one'
}

/** Depth of a group, the group itself counting as 1. */
export function depthOf(group: GroupNode): number {
  return 1 + Math.max(0, ...group.items.map((i) => (i.kind === 'group' ? depthOf(i) : 0)))
}

function conditionSpec(row: ConditionRow): QueryCondition {
  switch (valueShape(row.op)) {
    case 'none':
      return { field: row.field, op: row.op }
    case 'range':
    case 'list':
      return { field: row.field, op: row.op, values: [...row.values] }
    default:
      return { field: row.field, op: row.op, value: row.value }
  }
}

function groupSpec(group: GroupNode): QueryGroup {
  return {
    logic: group.logic,
    items: group.items
      // An empty sub-group means nothing; leave it out rather than send it.
      .filter((i) => i.kind === 'condition' || i.items.length > 0)
      .map((i) => (i.kind === 'group' ? groupSpec(i) : conditionSpec(i))),
  }
}

export function toSpec(state: BuilderState): QuerySpec {
  const spec: QuerySpec = { dataset: state.dataset, fields: [...state.fields] }
  const where = groupSpec(state.where)
  if (where.items.length) spec.where = where
  if (state.groupBy.length) {
    spec.groupBy = [...state.groupBy]
    if (state.sums.length) spec.sums = [...state.sums]
  }
  const sort = state.sort.filter((s) => s.field)
  if (sort.length) spec.sort = sort.map((s) => ({ ...s }))
  if (state.asOf) spec.asOf = state.asOf
  return spec
}

function groupFromSpec(group: QueryGroup): GroupNode {
  return {
    kind: 'group',
    key: key(),
    logic: group.logic,
    items: group.items.map((item) =>
      'items' in item
        ? groupFromSpec(item)
        : {
            kind: 'condition' as const,
            key: key(),
            field: item.field,
            op: item.op,
            value: item.value ?? '',
            values: item.values ?? [],
          }
    ),
  }
}

export function fromSpec(spec: QuerySpec): BuilderState {
  return {
    dataset: spec.dataset,
    fields: [...spec.fields],
    where: spec.where ? groupFromSpec(spec.where) : newGroup('and'),
    sort: (spec.sort ?? []).map((s) => ({ ...s })),
    groupBy: [...(spec.groupBy ?? [])],
    sums: [...(spec.sums ?? [])],
    asOf: spec.asOf ?? null,
  }
}

/** Fields grouped by their dataset category, in the dataset's order (the picker's sections). */
export function fieldsByCategory(dataset: CatalogueDataset) {
  const sections = dataset.categories.map((c) => ({
    id: c.id,
    name: c.name,
    fields: dataset.fields.filter((f) => f.category === c.id),
  }))
  const loose = dataset.fields.filter((f) => !f.category)
  if (loose.length) sections.push({ id: '', name: { zh: '其他', en: 'Other' }, fields: loose })
  return sections.filter((s) => s.fields.length)
}

/**
 * Maps the server's 422 field paths (`query.where.items.0.items.1.value`) to
 * the builder's condition keys, so the message shows on the row that caused it.
 */
export function conditionKeyAt(state: BuilderState, path: string): number | null {
  const match = /^query\.where((?:\.items\.\d+)+)/.exec(path)
  if (!match) return null
  const indexes = match[1]
    .split('.items.')
    .filter(Boolean)
    .map((n) => Number(n))
  // The server numbers the items it received: empty sub-groups were left out.
  let node: ConditionRow | GroupNode = state.where
  for (const index of indexes) {
    if (node.kind !== 'group') return null
    const sent: (ConditionRow | GroupNode)[] = node.items.filter(
      (i: ConditionRow | GroupNode) => i.kind === 'condition' || i.items.length > 0
    )
    node = sent[index]
    if (!node) return null
  }
  return node.key
}

/** Sort choices of a grouped query: its group fields, the count and each total. */
export function groupedSortKeys(state: BuilderState) {
  return [...state.groupBy, 'count', ...state.sums.map((s) => `sum_${s}`)]
}

/** The result columns the server will return for this state (the report layout edits these). */
export function expectedColumns(state: BuilderState, dataset: CatalogueDataset) {
  const byId = new Map(dataset.fields.map((f) => [f.id, f]))
  const labelOf = (id: string) => byId.get(id)?.label ?? { zh: id, en: id }
  if (!state.groupBy.length) return state.fields.map((id) => ({ key: id, label: labelOf(id) }))
  return [
    ...state.groupBy.map((id) => ({ key: id, label: labelOf(id) })),
    { key: 'count', label: { zh: '笔数', en: 'Count' } },
    ...state.sums.map((id) => ({
      key: `sum_${id}`,
      label: { zh: `${labelOf(id).zh}合计`, en: `Total ${labelOf(id).en}` },
    })),
  ]
}

/**
 * A further page of a result already counted: the server sent rows only, so
 * the count and the 合计 row of the first answer stay.
 */
export function withCounts(next: QueryResult, previous: QueryResult | null): QueryResult {
  if (next.meta.total !== null || !previous) return next
  return { ...next, totals: previous.totals, meta: { ...next.meta, total: previous.meta.total } }
}
