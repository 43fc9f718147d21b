/*
| The plugin manifest: one typed object per business domain (plugins/<id>/plugin.ts).
| Every extension point the core offers is a field here, so a later core service
| (ledgers, workflow, documents, dashboard) only reads what plugins declared.
*/
import type { HttpContext } from '@adonisjs/core/http'

/** A label in both console languages. zh-CN is the default UI language. */
export interface Localized {
  zh: string
  en: string
}

export type MenuType = 'directory' | 'page' | 'button'

export interface MenuDefinition {
  /** Stable key, unique across the system (`<plugin>:<name>`); never rename a released one. */
  code: string
  type: MenuType
  name: Localized
  /** Permission code (`<plugin>:<resource>:<action>`); required for pages and buttons. */
  permission?: string
  /** Console page key (`<plugin>/<file under ui/ without .vue>`), for pages. */
  page?: string
  /** Console route path; defaults to `/p/<page key>`. */
  path?: string
  icon?: string
  order?: number
  children?: MenuDefinition[]
}

export interface PermissionDefinition {
  code: string
  name: Localized
}

export interface DictionaryItemDefinition {
  code: string
  label: Localized
  order?: number
  /** Element Plus tag type used when the code renders as a coloured tag. */
  color?: 'primary' | 'success' | 'warning' | 'danger' | 'info'
}

export interface DictionaryDefinition {
  type: string
  name: Localized
  items: DictionaryItemDefinition[]
}

export type SettingType = 'string' | 'number' | 'boolean' | 'json' | 'amount'

/** A business parameter (业务参数) with its default; administrators change the value. */
export interface SettingDefinition {
  key: string
  name: Localized
  type: SettingType
  /** Stored as text: amounts in yuan with two decimals (as everywhere in the API), numbers as decimal strings, booleans as true/false, json as JSON text. */
  default: string
  description?: string
  /** Installed frozen (冻结): changing it then needs an unfreeze, itself a four-eyes change. */
  frozenOnInstall?: boolean
}

/* ---- Routes -------------------------------------------------------------- */

type LazyController = () => Promise<{ default: new (...args: any[]) => any }>
export type RouteHandler = [LazyController, string] | ((ctx: HttpContext) => any)

/**
 * What a plugin's `routes()` receives. Every route must name the permission code
 * it requires: the kernel adds authentication and the permission check, and
 * mounts everything under `/api/<plugin id>`.
 */
export interface PluginRouter {
  get(path: string, handler: RouteHandler, permission: string): void
  post(path: string, handler: RouteHandler, permission: string): void
  put(path: string, handler: RouteHandler, permission: string): void
  patch(path: string, handler: RouteHandler, permission: string): void
  delete(path: string, handler: RouteHandler, permission: string): void
  /**
   * index/show → `<prefix>:list`, store → `:create`, update → `:update`,
   * destroy → `:delete`.
   */
  crud(resource: string, controller: LazyController, permissionPrefix: string): void
}

/* ---- Extension points filled by later core services ---------------------- */

/** A background job a plugin runs through the core queue. */
export interface JobDefinition {
  /** Unique job name, `<plugin>:<job>`. */
  name: string
  handler: () => Promise<{ default: JobHandler }>
  /** Cron pattern for recurring jobs (server time zone Asia/Shanghai). */
  schedule?: string
  attempts?: number
}

export interface JobContext {
  jobId: string
  payload: any
  /** Report progress 0–100 with an optional message the console shows. */
  progress(percent: number, message?: string): Promise<void>
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>

/**
 * A step of the end-of-day run (日终), executed once per business date in plugin
 * dependency order. Runs inside a transaction; must be safe to rerun for a date.
 */
export interface DailyStepDefinition {
  /** Unique step name, `<plugin>:<step>`. */
  name: string
  handler: () => Promise<{ default: DailyStepHandler }>
}

export type DailyStepHandler = (ctx: {
  businessDate: string
  trx: import('@adonisjs/lucid/types/database').TransactionClientContract
}) => Promise<void>

/* ---- 台账 (ledgers): backend/ledgers/, console page ledgers/LedgerPage ---- */

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
  columns: LedgerColumn[]
  filters?: LedgerFilter[]
  defaultSort?: { key: string; order: 'asc' | 'desc' }
  /** Reads ca_loan_snapshots (or the plugin's own history) for a past date. */
  asOf?: boolean
  /** The dates that have data as of them, newest first (the console greys out the others). */
  asOfDates?: (ctx: Pick<LedgerQueryContext, 'db'>) => Promise<string[]>
}

/*
| 审批流程类型: a business type that needs approval (处置预案, 核销方案, 减免方案).
| Full rules in backend/workflow/README.md (chains, tiers, actions).
*/
export interface WorkflowTypeDefinition {
  /** `<plugin>:<name>`, e.g. `disposal:plan`; never rename a released one. */
  code: string
  name: Localized
  /** Called in the same transaction as the decision; a throw rolls the decision back. */
  handler: () => Promise<{ default: WorkflowHandler }>
  /** Console path of the business page; `{businessId}` is replaced, e.g. '/p/disposal/PlanDetail?id={businessId}'. */
  link: string
  /** The chain installed when the type first appears; administrators edit it afterwards. */
  defaultChain?: ChainNodeDefinition[]
  /** The type carries an amount and its chain may have 授权 tiers (nodes with `minAmount`). */
  amountTiers?: boolean
}

/** Where a node's approvers sit, relative to the applicant's org. */
export type ChainOrgRelation = 'same' | 'parent' | 'branch' | 'head'

/** One node of an approval chain (审批节点). */
export interface ChainNodeDefinition {
  name: Localized
  /** Approvers: users holding one of `roles` and (when given) one of `posts`, at `org`; plus named `users`. */
  roles?: string[]
  posts?: string[]
  /** Org relative to the applicant's (default `same`). */
  org?: ChainOrgRelation
  /** Usernames approving by name. */
  users?: string[]
  /** any: one approval decides (或签); all: every approver must approve (会签). Default any. */
  mode?: 'any' | 'all'
  /** 授权 tier: the node applies only when the amount is at least this (yuan, 2dp). */
  minAmount?: string
  /** Working days the node has to decide (时限). */
  deadlineDays?: number
}

export interface WorkflowInstanceInfo {
  id: number
  typeCode: string
  businessId: string
  title: string
  /** Yuan with two decimals, or null for a type without amounts. */
  amount: string | null
  applicantId: number
  orgId: number
}

export interface WorkflowHandlerContext {
  instance: WorkflowInstanceInfo
  trx: import('@adonisjs/lucid/types/database').TransactionClientContract
  /** Who took the decision (the applicant for a withdrawal). */
  actorId: number
}

/** A plugin's reaction to the end of an approval; throw to refuse (the message reaches the user). */
export interface WorkflowHandler {
  onApproved?(ctx: WorkflowHandlerContext): Promise<void> | void
  onRejected?(ctx: WorkflowHandlerContext): Promise<void> | void
  onWithdrawn?(ctx: WorkflowHandlerContext): Promise<void> | void
  onReturned?(ctx: WorkflowHandlerContext): Promise<void> | void
  /** The applicant resubmitted a returned approval unchanged from the workflow page (not called when the plugin itself calls submitForApproval again). */
  onResubmitted?(ctx: WorkflowHandlerContext): Promise<void> | void
}

/**
 * A Handlebars document template (处置预案, notices, legal documents), rendered by
 * `renderPdf({ plugin, template: code, data })` from `#core/documents/pdf`.
 */
export interface DocumentTemplateDefinition {
  code: string
  name: Localized
  /** Path of the .hbs file relative to the plugin folder. `{{x}}` is HTML-escaped. */
  file: string
  /** Print A4 landscape (registers, wide tables); portrait by default. */
  landscape?: boolean
}

/**
 * What a widget's data handler receives (首页视图, backend/dashboard/). `scope` is
 * `applyDataScope` with the scope of the widget's permission, so a branch user
 * sees only their subtree; `query` is the request's query string (validate it).
 */
export interface WidgetDataContext {
  access: import('#core/auth/user_access').UserAccess
  scope<Q extends { where: (...args: any[]) => Q }>(
    query: Q,
    columns: import('#core/auth/data_scope').ScopeColumns
  ): Q
  query: Record<string, unknown>
}

export type WidgetDataHandler = (ctx: WidgetDataContext) => Promise<unknown>

/** A home-page widget (首页视图): its data on the server, its chart in the console. */
export interface DashboardWidgetDefinition {
  /** `<plugin>:<name>`, unique; stored in users' layouts, so never rename a released one. */
  id: string
  title: Localized
  /** Needed to see the widget and to read its data; its data scope applies. */
  permission: string
  data: () => Promise<{ default: WidgetDataHandler }>
  /** Console module `<plugin>/<file under ui/widgets without .ts>` exporting `buildOption(data, locale)`. */
  view: string
  /** Size on the 12-column grid (default 6 × 8 rows of 40 px). */
  defaultSize?: { w: number; h: number }
  /** Shown on the default layout (default true). */
  defaultOn?: boolean
}

/** An interface of an external system (服务管理): one endpoint we call or that calls us. */
export interface ConnectorInterfaceDefinition {
  /** Unique within its system, e.g. `posting`. */
  code: string
  name: Localized
  /** outbound: we call it; inbound: it calls us (listed and documented only). */
  direction: 'inbound' | 'outbound'
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path appended to the system's base URL, e.g. `/postings`. */
  path: string
  /** Changes money in the other system: must go through the outbox (never a direct call). */
  moneyChanging?: boolean
  /** Per-attempt timeout (default 5000 ms). */
  timeoutMs?: number
  /** Retries after the first attempt, for idempotent or idempotency-keyed calls only (default 2). */
  retries?: number
  /** JSON Schemas of the request and response bodies, for the OpenAPI description. */
  request?: Record<string, unknown>
  response?: Record<string, unknown>
}

/** An external system (核心系统, 信贷系统, 影像平台…) and its interfaces. */
export interface ConnectorSystemDefinition {
  /** Stable code, unique across the system, e.g. `core-banking`. */
  code: string
  name: Localized
  /** Who runs it (the owning department or vendor), shown in 服务管理. */
  owner: string
  /** Base URL used until an administrator sets one in 服务管理. */
  defaultBaseUrl?: string
  /** Path of a GET health probe (default `/health`). */
  healthPath?: string
  /** Circuit breaker: opens after this many consecutive failures (default 5) for `halfOpenAfterMs` (default 30 s). */
  breaker?: { consecutiveFailures?: number; halfOpenAfterMs?: number }
  interfaces: ConnectorInterfaceDefinition[]
}

/** A message channel: 站内信 (in-app), e-mail, SMS. */
export type MessageChannel = 'inapp' | 'email' | 'sms'

/** A kind of message the plugin sends through `notify()` (消息提醒). */
export interface MessageTypeDefinition {
  /** Unique code, `<plugin>.<name>` (core: `workflow.task`, `deadline.reminder`, …). */
  type: string
  name: Localized
  /** Channels the message goes out on; in-app is always included. */
  channels: MessageChannel[]
  /** Channels a user may mute in their preferences (never in-app). */
  optional?: Array<'email' | 'sms'>
}

export interface PluginManifest {
  /** Folder name under plugins/; lower-case, digits and dashes. */
  id: string
  name: Localized
  version: string
  description?: Localized
  dependsOn?: string[]
  /** Migrations folder relative to the plugin folder (default `database/migrations`). */
  migrations?: string
  routes?: (router: PluginRouter) => void
  permissions?: PermissionDefinition[]
  menus?: MenuDefinition[]
  dictionaries?: DictionaryDefinition[]
  settings?: SettingDefinition[]
  jobs?: JobDefinition[]
  /**
   * Work the plugin starts with the web server and stops with it (e.g. the demo's
   * external-system simulators). Returns an optional stop function.
   */
  startup?: () => Promise<{ default: PluginStartup }>
  /**
   * Demo data (APP_MODE=demo only): one of this plugin's jobs that `node ace demo:seed`
   * runs once per database, e.g. a small generated loan book.
   */
  demo?: {
    job: string
    payload?: unknown
    /**
     * A job that builds a book of a chosen size for `node ace demo:generate --customers N
     * --loans M [--seed S]` (benchmarks, load tests); it receives `{ customers, loans, seed }`.
     */
    generator?: string
  }
  dailySteps?: DailyStepDefinition[]
  ledgers?: LedgerDefinition[]
  workflowTypes?: WorkflowTypeDefinition[]
  documentTemplates?: DocumentTemplateDefinition[]
  dashboardWidgets?: DashboardWidgetDefinition[]
  /** Message types the plugin sends through the core notifications (`notify()`). */
  messageTypes?: MessageTypeDefinition[]
  /** External systems the plugin talks to (registered with the core connectors at boot). */
  connectors?: ConnectorSystemDefinition[]
  /** 综合查询 datasets and their fields (backend/query/dataset_types.ts). */
  queryDatasets?: import('../query/dataset_types.js').QueryDatasetDefinition[]
}

export interface PluginStartupContext {
  /** APP_MODE: demo starts demo-only helpers (simulators); production must not. */
  mode: 'demo' | 'production'
}
export type PluginStartup = (ctx: PluginStartupContext) => Promise<void | (() => Promise<void>)>

/** A manifest as the kernel holds it after discovery. */
export interface LoadedPlugin {
  manifest: PluginManifest
  id: string
  /** Absolute folder of the plugin. */
  root: string
  /** Migrations folder relative to the app root, as Lucid records it in adonis_schema. */
  migrationsPath: string
}
