/*
| 台账 (ledgers): what a plugin declares so backend/ledgers/ and the console page
| ledgers/LedgerPage can list, filter, total, print and export its rows.
*/
import type { Localized } from './common.js'

/** How a ledger cell is shown and exported. money = fen column, shown as yuan with 2 decimals. */
export type LedgerColumnType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'dict'

export interface LedgerColumn {
  /** Field name in the API rows (camelCase), also the saved-view and sort key. */
  key: string
  label: Localized
  type: LedgerColumnType
  /** SQL expression over the ledger query's aliases (written by the plugin, never by a user). */
  sql: string
  /** Expression when the ledger reads a snapshot (as-of date); default `sql`. */
  asOfSql?: string
  /** Dictionary type for `dict` columns (rendered as labels). */
  dict?: string
  /** May the user sort on it (the whitelist). */
  sortable?: boolean
  /** Sum it in the totals row (money and number columns). */
  total?: boolean
  /** Shown before the user picks columns (default true). */
  visible?: boolean
  /** Width in characters, for the table and the xlsx. */
  width?: number
  /**
   * The cell links to a record of the console ("every link lands on its record"):
   * `sql` is selected beside the column; with `path` the link is
   * `<path>?<param>=<value>` (an id), without it the value is itself a console
   * path. No value, no link. Screen only (print and xlsx show the text).
   */
  link?: { sql: string; path?: string; param?: string }
}

/**
 * A filter the ledger page offers. Values are validated by type and bound; the
 * SQL is the plugin's `sql` expression(s).
 * - eq: equals (dict → a select of the dictionary's items)
 * - keyword: `sql` is a list of expressions, matched as prefix (first) or substring (others)
 * - org: the org and everything below it (sql = an org id column)
 * - dateRange / numberRange / moneyRange (yuan): from / to, both optional
 */
export interface LedgerFilter {
  key: string
  label: Localized
  type: 'eq' | 'keyword' | 'org' | 'dateRange' | 'numberRange' | 'moneyRange'
  sql: string | string[]
  asOfSql?: string | string[]
  dict?: string
}

/**
 * A LEFT JOIN on the looked-up table's primary key `id` that only adds display
 * columns (names of the org, the customer, the manager). The core joins it only
 * where a selected column, an active filter, a total or the scope names
 * `<alias>.`: MariaDB keeps reading base rows for an unused join, so counting
 * without it can stay inside an index.
 */
export interface LedgerLookup {
  alias: string
  table: string
  /** The base column holding the id, e.g. `l.org_id`. */
  on: string
  asOfOn?: string
}

export interface LedgerQueryContext {
  /** The database service (or a transaction): only `from` and `raw` are needed. */
  db: Pick<import('@adonisjs/lucid/types/database').QueryClientContract, 'from' | 'raw'>
  /** Business date 'YYYY-MM-DD' when the user asked for a point in time, else null (live). */
  asOf: string | null
}

export interface LedgerDefinition {
  /** Unique across plugins, lower-case with dashes; the console path is /ledgers/<id>. */
  id: string
  name: Localized
  /** Viewing, printing (and exporting, unless exportPermission) the ledger. Declared by the plugin. */
  permission: string
  exportPermission?: string
  /** Side-menu entry: a page under `parent` (any menu code, e.g. credit-assets:ledgers). */
  menu: { parent: string; order?: number; icon?: string }
  /**
   * The rows' FROM/JOIN/fixed WHERE (no select, no order): the core adds the
   * columns, the user's filters, the data scope, sorting and paging. Must be a
   * synchronous function (a Lucid builder is thenable).
   */
  query: (
    ctx: LedgerQueryContext
  ) => import('@adonisjs/lucid/types/querybuilder').DatabaseQueryBuilderContract
  /** Display-only joins the core adds when needed (see LedgerLookup). */
  lookups?: LedgerLookup[]
  /** Unique row key expression: the tie-breaker of every sort and the export's keyset. */
  rowKey: string
  /** Data scope (数据权限) columns, as in applyDataScope. */
  scope: { orgColumn: string; ownerColumn?: string }
  /** Data scope columns when reading as of a date; default `scope`. */
  asOfScope?: { orgColumn: string; ownerColumn?: string }
  columns: LedgerColumn[]
  filters?: LedgerFilter[]
  defaultSort?: { key: string; order: 'asc' | 'desc' }
  /** Reads ca_loan_snapshots (or the plugin's own history) for a past date. */
  asOf?: boolean
  /** The dates that have data as of them, newest first (the console greys out the others). */
  asOfDates?: (ctx: Pick<LedgerQueryContext, 'db'>) => Promise<string[]>
  /** Maintained group sums answering the count and the 合计 row without reading every row. */
  aggregate?: LedgerAggregate
}

/**
 * Pre-summed groups whose sums equal the ledger rows' (exactly: same integers,
 * no estimate). The core uses them for the count and the 合计 row when every
 * active filter is listed in `filters`; otherwise it sums the rows.
 */
export interface LedgerAggregate {
  /** SQL of the groups for the date (live: null), or null when there are none (then rows are summed). */
  source: (ctx: LedgerQueryContext) => Promise<{ sql: string; bindings: unknown[] } | null>
  /** Source column holding each group's row count. */
  count: string
  /** Column key → source column holding its sum (every `total` column must be listed). */
  sums: Record<string, string>
  /** Filter key → source column it compares (eq and org filters only). */
  filters: Record<string, string>
  /** Data scope columns of the source. */
  scope: { orgColumn: string; ownerColumn?: string }
}
