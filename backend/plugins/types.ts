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

/** 台账 — filled in by the ledger framework issue. */
export interface LedgerDefinition {
  id: string
  name: Localized
  permission: string
  [key: string]: unknown
}

/** A business type that needs approval (审批流程类型) — filled in by the workflow issue. */
export interface WorkflowTypeDefinition {
  code: string
  name: Localized
  [key: string]: unknown
}

/** A Handlebars document template (处置预案, notices, legal documents). */
export interface DocumentTemplateDefinition {
  code: string
  name: Localized
  /** Path of the .hbs file relative to the plugin folder. */
  file: string
  [key: string]: unknown
}

/** A home-page widget — filled in by the dashboard issue. */
export interface DashboardWidgetDefinition {
  id: string
  title: Localized
  permission: string
  [key: string]: unknown
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
  demo?: { job: string; payload?: unknown }
  dailySteps?: DailyStepDefinition[]
  ledgers?: LedgerDefinition[]
  workflowTypes?: WorkflowTypeDefinition[]
  documentTemplates?: DocumentTemplateDefinition[]
  dashboardWidgets?: DashboardWidgetDefinition[]
  /** External systems the plugin talks to (registered with the core connectors at boot). */
  connectors?: ConnectorSystemDefinition[]
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
