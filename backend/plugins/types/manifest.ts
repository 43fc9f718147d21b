/*
| The plugin manifest itself (plugins/<id>/plugin.ts): one field per extension point,
| plus the startup hook and the manifest as the kernel holds it after discovery.
*/
import type { Localized } from './common.js'
import type { MenuDefinition, PermissionDefinition } from './menus_permissions.js'
import type { DictionaryDefinition, SettingDefinition } from './dictionaries_settings.js'
import type { PluginRouter } from './routes.js'
import type { DailyStepDefinition, JobDefinition } from './jobs.js'
import type { LedgerDefinition } from './ledgers.js'
import type { WorkflowTypeDefinition } from './workflow.js'
import type { DocumentTemplateDefinition } from './documents.js'
import type { DashboardWidgetDefinition } from './dashboard.js'
import type { ConnectorExtensionDefinition, ConnectorSystemDefinition } from './connectors.js'
import type { InboundInterfaceDefinition } from './inbound.js'
import type { MessageTypeDefinition } from './messages.js'
import type { LookupDefinition, TestFixtureProvider } from './contract.js'
import type {
  EventKindDefinition,
  ExtensibleRecordDefinition,
  ExtensionFieldSet,
  SlotContribution,
  SlotPointDefinition,
} from './extensions.js'

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
  /**
   * Interfaces the plugin adds to another plugin's system (a new feed of 数据中台 read by
   * this plugin only), registered after every plugin's `connectors`; docs/plugins.md.
   */
  connectorInterfaces?: ConnectorExtensionDefinition[]
  /** Interfaces other bank systems call on us through the API gateway (types/inbound.ts). */
  inboundInterfaces?: InboundInterfaceDefinition[]
  /** 综合查询 datasets and their fields (backend/query/dataset_types.ts). */
  queryDatasets?: import('../../query/dataset_types.js').QueryDatasetDefinition[]
  /**
   * Modules other plugins may import, relative to the plugin folder (`services/book_api.ts`).
   * Every other file is private to the plugin.
   */
  publicModules?: string[]
  /** Tables (with stable columns) other plugins' set-based SQL may join (types/contract.ts). */
  lookups?: LookupDefinition[]
  /** The plugin's share of the shared test book (tests/fixtures/book.ts). */
  testFixtures?: () => Promise<{ default: TestFixtureProvider }>
  /**
   * Data steps of an upgrade, keyed by the version that introduced them (`'1.1.0'`).
   * `node ace plugins:upgrade` runs, after the pending migrations, every step newer
   * than the installed version and not newer than `version`, in version order, once,
   * in one transaction with the audit row (backend/plugins/lifecycle/upgrade.ts).
   */
  upgrades?: Record<string, () => Promise<{ default: UpgradeStep }>>
  /** Places on this plugin's screens other plugins may fill (types/extensions.ts). */
  slotPoints?: SlotPointDefinition[]
  /** Components this plugin puts into other plugins' slot points. */
  slots?: SlotContribution[]
  /** Risk-asset timeline event kinds this plugin records, with their labels. */
  eventKinds?: EventKindDefinition[]
  /** This plugin's records other plugins may add fields to. */
  extensibleRecords?: ExtensibleRecordDefinition[]
  /** Fields this plugin adds to other plugins' records. */
  extensionFields?: ExtensionFieldSet[]
}

export interface UpgradeStepContext {
  trx: import('@adonisjs/lucid/types/database').TransactionClientContract
  /** Version installed before this upgrade, and the one being installed. */
  from: string
  to: string
}
export type UpgradeStep = (ctx: UpgradeStepContext) => Promise<void>

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
