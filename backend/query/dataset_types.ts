/*
| 综合查询 catalogue, as plugins declare it (manifest field `queryDatasets`).
|
| A dataset is a FROM with its joins, a data-scope column and a list of fields.
| Every piece of SQL here is written by the plugin's developer: user input only
| ever names a dataset or field by id, and values are bound parameters. The
| query compiler (compile_query.ts) looks each id up here and refuses the rest.
*/
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Localized } from '#core/plugins/types'

/**
 * string 文本, amount 金额 (a BIGINT fen column; the API speaks yuan with two
 * decimals), date 日期 ('YYYY-MM-DD'), number 数值 (integer or decimal), dict
 * 字典 (a code rendered through a dictionary).
 */
export type QueryFieldType = 'string' | 'amount' | 'date' | 'number' | 'dict'

export interface QueryFieldDefinition {
  /** Unique within the dataset: lower camelCase letters and digits (it becomes a column alias). */
  id: string
  label: Localized
  type: QueryFieldType
  /** SQL column or expression over the dataset's aliases, e.g. `l.balance_fen`. */
  source: string
  /** The expression in an as-of query (point-in-time); default `source`. */
  asOfSource?: string
  /** Dictionary type of a `dict` field; its codes are the only accepted values. */
  dictionary?: string
  /** Who may pick, filter, sort or group by the field; default the dataset's permission. */
  permission?: string
  /** Category id (the field picker groups by it). */
  category?: string
  /** false: may not be grouped by (long free text, unique numbers). Default true; never for amounts. */
  groupable?: boolean
}

export interface QueryScopeColumns {
  orgColumn: string
  ownerColumn?: string
}

export interface QueryDatasetDefinition {
  /** `<plugin id>:<name>`, stable (saved queries and reports store it). */
  id: string
  name: Localized
  description?: Localized
  /** Needed to use the dataset at all; its roles' data scope is the one that applies. */
  permission: string
  categories: { id: string; name: Localized }[]
  /** Adds FROM and JOINs to an empty query (today's state). */
  from: (query: DatabaseQueryBuilderContract) => void
  /** The columns the core data scope filters on. */
  scope: QueryScopeColumns
  /** A unique expression, the last sort key, so paging is stable. */
  key: string
  /**
   * Point-in-time (任意时间点) variant: FROM and JOINs for the state on `date`
   * (bind the date, never interpolate it), with the scope columns of that state.
   */
  asOf?: {
    from: (query: DatabaseQueryBuilderContract, date: string) => void
    scope: QueryScopeColumns
  }
  fields: QueryFieldDefinition[]
  /** The fields a new query starts with in the console. */
  defaultFields?: string[]
  /**
   * Pre-summed groups that answer the count and 合计 of a query whose
   * conditions and grouping use only `dimensions` and whose summed amounts are
   * all in `sums` (otherwise the rows are summed). They must equal a SUM over
   * the rows exactly, live and as of every date `source` answers for.
   */
  aggregate?: QueryDatasetAggregate
}

export interface QueryDatasetAggregate {
  /** The groups as SQL (the core reads it as derived table `a`); null when there are none for `asOf`. */
  source: (ctx: {
    db: Pick<QueryClientContract, 'from'>
    asOf: string | null
  }) => Promise<{ sql: string; bindings: unknown[] } | null>
  /** JOINs over `a` for dimensions read from other tables (e.g. the org's name). */
  join?: (query: DatabaseQueryBuilderContract) => void
  /** The data-scope columns, over `a`. */
  scope: QueryScopeColumns
  /** Expression of a group's row count, e.g. `a.loans`. */
  count: string
  /**
   * Field id → expression with the value every row of the group has for that
   * field (live and as of a date), usable in conditions and grouping.
   */
  dimensions: Record<string, string>
  /** Amount field id → expression of the group's sum (fen). */
  sums: Record<string, string>
}
