/*
| The shape of a 综合查询 as the console sends it, checked by VineJS before any
| catalogue lookup. Ids are short identifiers, values short strings, lists and
| the AND/OR nesting bounded, so a request can neither smuggle SQL through a
| name nor make the compiler build an unbounded statement. What an id means
| (does the field exist, may this user use it, does the operator fit its type,
| is the value a real date or amount) is checked in compile_query.ts.
*/
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import type { Infer } from '@vinejs/vine/types'

export const OPERATORS = [
  'eq',
  'ne',
  'in',
  'between',
  'gte',
  'lte',
  'like',
  'empty',
  'notEmpty',
] as const
export type Operator = (typeof OPERATORS)[number]

/** Levels of AND/OR groups, the root group included (root → group → group). */
export const MAX_GROUP_DEPTH = 3
export const MAX_CONDITIONS = 50
export const MAX_FIELDS = 60
export const MAX_IN_VALUES = 500
/** A field id (catalogue ids are lower camelCase); anything else is refused before lookup. */
const IDENT = /^[a-z][a-zA-Z0-9]{0,39}$/
const DATASET = /^[a-z][a-z0-9-]{1,39}:[a-z][a-z0-9-]{0,39}$/

const fieldId = () => vine.string().trim().regex(IDENT)

const condition = () =>
  vine.object({
    field: fieldId(),
    op: vine.enum(OPERATORS),
    value: vine.string().maxLength(200).optional(),
    values: vine.array(vine.string().maxLength(200)).maxLength(MAX_IN_VALUES).optional(),
  })

/*
| VineJS has no recursive schema, so the bounded nesting is spelled out: the
| deepest level holds conditions only, and an object with `items` there fails
| as a condition without `field` (422).
*/
function group(level: number): any {
  const item =
    level >= MAX_GROUP_DEPTH
      ? condition()
      : vine.union([
          vine.union.if(
            (value: unknown) => vine.helpers.isObject(value) && 'items' in value,
            group(level + 1)
          ),
          vine.union.else(condition()),
        ])
  return vine.object({
    logic: vine.enum(['and', 'or'] as const),
    items: vine.array(item).maxLength(MAX_CONDITIONS),
  })
}

export interface QueryCondition {
  field: string
  op: Operator
  value?: string
  values?: string[]
}
export interface QueryGroup {
  logic: 'and' | 'or'
  items: (QueryCondition | QueryGroup)[]
}

export const isGroup = (item: QueryCondition | QueryGroup): item is QueryGroup => 'items' in item

const querySchema = vine.object({
  dataset: vine.string().trim().regex(DATASET),
  fields: vine.array(fieldId()).minLength(1).maxLength(MAX_FIELDS).distinct(),
  where: group(1).optional(),
  sort: vine
    .array(
      vine.object({
        /** A field id, `count`, or `sum_<field id>` in a grouped query. */
        field: vine
          .string()
          .trim()
          .regex(/^[a-z][a-zA-Z0-9_]{0,44}$/),
        order: vine.enum(['asc', 'desc'] as const),
      })
    )
    .maxLength(5)
    .optional(),
  groupBy: vine.array(fieldId()).maxLength(5).distinct().optional(),
  /** Amount/number fields summed per group (with a row count). */
  sums: vine.array(fieldId()).maxLength(20).distinct().optional(),
  /** 'YYYY-MM-DD': the state on that business date (snapshot); absent = now. */
  asOf: vine.string().trim().use(calendarDate()).optional(),
})

export const querySpecObject = querySchema
export const querySpecValidator = vine.compile(querySchema)

export type QuerySpec = Omit<Infer<typeof querySchema>, 'where'> & { where?: QueryGroup }

export const runQueryValidator = vine.compile(
  vine.object({
    query: querySchema,
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().range([1, 500]).optional(),
    /**
     * false: rows only, no count and totals. Counting a large result costs
     * seconds; the console counts once per query and pages without it.
     */
    count: vine.boolean().optional(),
  })
)
