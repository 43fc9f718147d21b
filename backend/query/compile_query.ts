/*
| 综合查询 compiler: a validated QuerySpec → Knex builders.
|
| The only SQL text that reaches the statement is what the dataset's developer
| declared (FROM/JOINs, field sources) plus the fixed fragments below. User
| input contributes ids (looked up in the catalogue, else 422) and values
| (always bound; `like` escapes % and _). The core data scope is applied with
| the scope of the roles that grant the dataset's permission, so a query shows
| exactly the rows the user sees on that dataset's own lists.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import type { Localized } from '#core/plugins/types'
import { datasetFor, fieldFor, isGroupable, type CatalogueDataset } from './catalogue.js'
import type { QueryFieldDefinition, QueryFieldType } from './dataset_types.js'
import { boundValue, containsPattern, isCalendarDate } from './condition_values.js'
import { QueryError } from './query_error.js'
import { aggregateTotals, type AggregatePlan } from './aggregate_totals.js'
import {
  isGroup,
  MAX_CONDITIONS,
  type Operator,
  type QueryCondition,
  type QueryGroup,
  type QuerySpec,
} from './query_spec.js'

/** Which operators make sense for which type (anything else is a 422). */
export const OPERATORS_BY_TYPE: Record<QueryFieldType, Operator[]> = {
  string: ['eq', 'ne', 'in', 'like', 'empty', 'notEmpty'],
  dict: ['eq', 'ne', 'in', 'empty', 'notEmpty'],
  amount: ['eq', 'ne', 'between', 'gte', 'lte', 'empty', 'notEmpty'],
  number: ['eq', 'ne', 'in', 'between', 'gte', 'lte', 'empty', 'notEmpty'],
  date: ['eq', 'ne', 'between', 'gte', 'lte', 'empty', 'notEmpty'],
}

export interface ResultColumn {
  key: string
  label: Localized
  type: QueryFieldType | 'count'
  dictionary: string | null
}

export interface CompiledQuery {
  dataset: CatalogueDataset
  columns: ResultColumn[]
  grouped: boolean
  /** FROM, scope and WHERE; nothing selected (for counts and totals). */
  filtered(): DatabaseQueryBuilderContract
  /** The result rows, selected and ordered (page it or stream it). */
  rows(): DatabaseQueryBuilderContract
  /** Row count and sums of the whole result (detail: its amount columns; grouped: the chosen sums). */
  totals(): DatabaseQueryBuilderContract
  /**
   * The same row as `totals()` (plus `groups`, the number of result groups of
   * a grouped query) from the dataset's pre-summed groups, or null when they
   * cannot answer this query (aggregate_totals.ts).
   */
  aggregateTotals(): Promise<Record<string, unknown> | null>
}

/*
| Bound parameters are cast on the SQL side, the same way on MariaDB and
| SQLite: fen compare as integers (exact, not as doubles), numbers as decimals.
*/
const PLACEHOLDER: Record<QueryFieldType, string> = {
  amount: 'CAST(? AS SIGNED)',
  number: 'CAST(? AS DECIMAL(30,10))',
  date: '?',
  dict: '?',
  string: '?',
}

/** A select expression: money as exact text on both databases (SQLite would hand back a float). */
const selectExpr = (type: QueryFieldType | 'sum', source: string) =>
  type === 'amount' || type === 'sum' ? `CAST(${source} AS CHAR)` : source

function shanghaiToday() {
  return DateTime.now().setZone('Asia/Shanghai').toISODate()!
}

async function dictionaryCodes(types: string[]) {
  const result = new Map<string, Set<string>>()
  if (!types.length) return result
  const rows = await db.from('dict_items').whereIn('type_code', types).select('type_code', 'code')
  for (const row of rows) {
    if (!result.has(row.type_code)) result.set(row.type_code, new Set())
    result.get(row.type_code)!.add(row.code)
  }
  return result
}

interface Resolved {
  field: QueryFieldDefinition
  source: string
}

/**
 * Looks up and checks everything; returns builders (made on demand: never
 * return a thenable from async code). Refusals name the input path under
 * `query.`, where every route carries the spec.
 */
export async function compileQuery(
  access: UserAccess,
  spec: QuerySpec,
  /** The enabled plugins' catalogue unless given (tests pass one built from their own manifests). */
  catalogue?: Map<string, CatalogueDataset>
): Promise<CompiledQuery> {
  try {
    return await compile(access, spec, catalogue)
  } catch (error) {
    if (error instanceof QueryError && error.field !== null)
      throw new QueryError(error.queryKey, `query.${error.field}`, error.status as 422, error.data)
    throw error
  }
}

async function compile(
  access: UserAccess,
  spec: QuerySpec,
  catalogue?: Map<string, CatalogueDataset>
): Promise<CompiledQuery> {
  const dataset = await datasetFor(access, spec.dataset, catalogue)
  if (!dataset) throw new QueryError('query.unknownDataset', 'dataset')
  const definition = dataset.definition

  const asOf = spec.asOf ?? null
  if (asOf !== null) {
    if (!definition.asOf) throw new QueryError('query.noAsOf', 'asOf')
    if (!isCalendarDate(asOf)) throw new QueryError('query.badDate', 'asOf')
    if (asOf > shanghaiToday()) throw new QueryError('query.futureAsOf', 'asOf')
  }

  const resolve = (id: string, path: string): Resolved => {
    const field = fieldFor(access, dataset, id)
    if (!field) throw new QueryError('query.unknownField', path, 422, { field: id })
    return { field, source: asOf !== null ? (field.asOfSource ?? field.source) : field.source }
  }

  const selected = spec.fields.map((id, i) => resolve(id, `fields.${i}`))
  const groupBy = (spec.groupBy ?? []).map((id, i) => {
    const r = resolve(id, `groupBy.${i}`)
    if (!isGroupable(r.field)) throw new QueryError('query.notGroupable', `groupBy.${i}`)
    return r
  })
  const sums = (spec.sums ?? []).map((id, i) => {
    const r = resolve(id, `sums.${i}`)
    if (r.field.type !== 'amount' && r.field.type !== 'number')
      throw new QueryError('query.notSummable', `sums.${i}`)
    return r
  })
  const grouped = groupBy.length > 0
  if (!grouped && sums.length) throw new QueryError('query.sumsNeedGroups', 'sums')

  /* ---- conditions: checked and turned into (sql, bindings) once ---- */
  let conditionCount = 0
  const dictTypes = new Set<string>()
  const walk = (group: QueryGroup, path: string) => {
    group.items.forEach((item, i) => {
      if (isGroup(item)) return walk(item, `${path}.items.${i}`)
      conditionCount++
      const { field } = resolve(item.field, `${path}.items.${i}.field`)
      if (field.dictionary) dictTypes.add(field.dictionary)
    })
  }
  if (spec.where) walk(spec.where, 'where')
  if (conditionCount > MAX_CONDITIONS) throw new QueryError('query.tooManyConditions', 'where')
  const codes = await dictionaryCodes([...dictTypes])

  type Clause = { sql: string; bindings: string[] }
  // `sourceOf` gives the expression a condition reads (the rows' or the groups').
  type SourceOf = (r: Resolved) => string | undefined
  const rowSource: SourceOf = (r) => r.source
  const clauseOf = (item: QueryCondition, path: string, sourceOf: SourceOf): Clause => {
    const resolved = resolve(item.field, `${path}.field`)
    const field = resolved.field
    const source = sourceOf(resolved)
    if (source === undefined) throw new NotCarried()
    if (!OPERATORS_BY_TYPE[field.type].includes(item.op))
      throw new QueryError('query.badOperator', `${path}.op`)
    const bind = (raw: string | undefined, at: string) => {
      if (raw === undefined || raw === null) throw new QueryError('query.valueRequired', at)
      return boundValue(
        field,
        raw,
        at,
        field.dictionary ? (codes.get(field.dictionary) ?? null) : null
      )
    }
    const p = PLACEHOLDER[field.type]
    const text = field.type === 'string' || field.type === 'dict'
    switch (item.op) {
      case 'eq':
        return { sql: `${source} = ${p}`, bindings: [bind(item.value, `${path}.value`)] }
      case 'ne':
        // "≠ X" keeps rows with no value: that is what a clerk means by "not X".
        return {
          sql: `(${source} <> ${p} OR ${source} IS NULL)`,
          bindings: [bind(item.value, `${path}.value`)],
        }
      case 'gte':
        return { sql: `${source} >= ${p}`, bindings: [bind(item.value, `${path}.value`)] }
      case 'lte':
        return { sql: `${source} <= ${p}`, bindings: [bind(item.value, `${path}.value`)] }
      case 'like':
        return {
          sql: `${source} LIKE ? ESCAPE '!'`,
          bindings: [containsPattern(bind(item.value, `${path}.value`))],
        }
      case 'in': {
        const values = item.values ?? []
        if (!values.length) throw new QueryError('query.valuesRequired', `${path}.values`)
        return {
          sql: `${source} IN (${values.map(() => p).join(', ')})`,
          bindings: values.map((v, j) => bind(v, `${path}.values.${j}`)),
        }
      }
      case 'between': {
        const values = item.values ?? []
        if (values.length !== 2) throw new QueryError('query.betweenTwo', `${path}.values`)
        return {
          sql: `${source} BETWEEN ${p} AND ${p}`,
          bindings: values.map((v, j) => bind(v, `${path}.values.${j}`)),
        }
      }
      case 'empty':
        return {
          sql: text ? `(${source} IS NULL OR ${source} = '')` : `${source} IS NULL`,
          bindings: [],
        }
      case 'notEmpty':
        return {
          sql: text ? `(${source} IS NOT NULL AND ${source} <> '')` : `${source} IS NOT NULL`,
          bindings: [],
        }
    }
  }

  type Node = { logic: 'and' | 'or'; items: (Clause | Node)[] }
  const build = (group: QueryGroup, path: string, sourceOf: SourceOf): Node => ({
    logic: group.logic,
    items: group.items.map((item, i) =>
      isGroup(item)
        ? build(item, `${path}.items.${i}`, sourceOf)
        : clauseOf(item, `${path}.items.${i}`, sourceOf)
    ),
  })
  const where = spec.where ? build(spec.where, 'where', rowSource) : null
  const applyNode = (q: any, node: Node) => {
    node.items.forEach((item, i) => {
      const or = node.logic === 'or' && i > 0
      if ('sql' in item) {
        if (or) q.orWhereRaw(item.sql, item.bindings)
        else q.whereRaw(item.sql, item.bindings)
      } else if (item.items.length) {
        if (or) q.orWhere((inner: any) => applyNode(inner, item))
        else q.where((inner: any) => applyNode(inner, item))
      }
    })
  }

  /* ---- sorting: ids resolved against what the result has ---- */
  const sortExpr = (id: string, path: string): string => {
    if (!grouped) return resolve(id, path).source
    if (id === 'count') return 'COUNT(*)'
    if (id.startsWith('sum_')) {
      const sum = sums.find((s) => `sum_${s.field.id}` === id)
      if (sum) return `SUM(${sum.source})`
    }
    const g = groupBy.find((x) => x.field.id === id)
    if (!g) throw new QueryError('query.badSort', path)
    return g.source
  }
  const order = (spec.sort ?? []).map((s, i) => ({
    expr: sortExpr(s.field, `sort.${i}.field`),
    dir: s.order === 'desc' ? 'desc' : 'asc',
  }))

  const scopeColumns = asOf !== null ? definition.asOf!.scope : definition.scope
  // The dataset's permission decides the scope (not 综合查询's own code): see the file header.
  const scoped = Object.create(access, {
    activePermission: { value: definition.permission },
  }) as UserAccess

  const filtered = () => {
    const q = db.query() as DatabaseQueryBuilderContract
    if (asOf !== null) definition.asOf!.from(q, asOf)
    else definition.from(q)
    applyDataScope(q, scoped, scopeColumns)
    if (where && where.items.length) q.where((inner: any) => applyNode(inner, where))
    return q
  }

  const columns: ResultColumn[] = grouped
    ? [
        ...groupBy.map(({ field }) => columnOf(field)),
        { key: 'count', label: { zh: '笔数', en: 'Count' }, type: 'count', dictionary: null },
        ...sums.map(({ field }) => ({
          ...columnOf(field),
          key: `sum_${field.id}`,
          label: { zh: `${field.label.zh}合计`, en: `Total ${field.label.en}` },
        })),
      ]
    : selected.map(({ field }) => columnOf(field))

  const rows = () => {
    const q = filtered()
    if (grouped) {
      for (const g of groupBy)
        q.select(db.raw(`${selectExpr(g.field.type, g.source)} as ??`, [g.field.id]))
      q.select(db.raw('COUNT(*) as ??', ['count']))
      for (const s of sums)
        q.select(db.raw(`${selectExpr('sum', `SUM(${s.source})`)} as ??`, [`sum_${s.field.id}`]))
      q.groupByRaw(groupBy.map((g) => g.source).join(', '))
      for (const o of order) q.orderByRaw(`${o.expr} ${o.dir}`)
      // Groups in a stable order after the user's sort keys.
      for (const g of groupBy) q.orderByRaw(`${g.source} asc`)
    } else {
      for (const s of selected)
        q.select(db.raw(`${selectExpr(s.field.type, s.source)} as ??`, [s.field.id]))
      for (const o of order) q.orderByRaw(`${o.expr} ${o.dir}`)
      q.orderByRaw(`${definition.key} asc`)
    }
    return q
  }

  // One row over the whole result: the row count, and the sums a 合计 row shows.
  const totals = () => {
    const q = filtered()
    q.select(db.raw('COUNT(*) as ??', ['count']))
    const summed = grouped
      ? sums.map((s) => ({ ...s, alias: `sum_${s.field.id}` }))
      : // Amounts only: a sum of days overdue or of rates means nothing.
        selected.filter((s) => s.field.type === 'amount').map((s) => ({ ...s, alias: s.field.id }))
    for (const s of summed)
      q.select(db.raw(`${selectExpr('sum', `SUM(${s.source})`)} as ??`, [s.alias]))
    return q
  }

  /* ---- the same count and sums from the dataset's groups, when they carry every field used ---- */
  const plan = (): AggregatePlan | null => {
    const aggregate = definition.aggregate
    if (!aggregate) return null
    const dimension: SourceOf = (r) => aggregate.dimensions[r.field.id]
    try {
      const aggregateWhere = spec.where ? build(spec.where, 'where', dimension) : null
      const groups = groupBy.map((g) => dimension(g))
      const summed = grouped
        ? sums.map((s) => ({ alias: `sum_${s.field.id}`, expr: aggregate.sums[s.field.id] }))
        : selected
            .filter((s) => s.field.type === 'amount')
            .map((s) => ({ alias: s.field.id, expr: aggregate.sums[s.field.id] }))
      if (groups.some((g) => g === undefined) || summed.some((s) => s.expr === undefined))
        return null
      return {
        aggregate,
        asOf,
        access: scoped,
        where: (q) => {
          if (aggregateWhere && aggregateWhere.items.length)
            q.where((inner: any) => applyNode(inner, aggregateWhere))
        },
        groups: groups as string[],
        sums: summed as { alias: string; expr: string }[],
      }
    } catch (error) {
      if (error instanceof NotCarried) return null
      throw error
    }
  }
  const fromGroups = async () => {
    const p = plan()
    return p ? aggregateTotals(p) : null
  }

  return { dataset, columns, grouped, filtered, rows, totals, aggregateTotals: fromGroups }
}

/** A condition on a field the dataset's groups do not carry. */
class NotCarried extends Error {}

function columnOf(field: QueryFieldDefinition): ResultColumn {
  return {
    key: field.id,
    label: field.label,
    type: field.type,
    dictionary: field.dictionary ?? null,
  }
}
