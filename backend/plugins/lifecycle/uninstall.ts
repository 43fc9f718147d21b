/*
| `node ace plugins:uninstall <id>` (docs/plugins.md "Lifecycle"): refuses while an
| enabled plugin depends on the one going; otherwise dumps its tables into
| PLUGIN_DUMPS_DIR — SQL to restore them and an xlsx (one sheet per table) to read
| them — then drops them and forgets its migrations, then removes in one
| transaction, with the audit row, what the kernel synced for it: menus,
| permissions and their role grants, dictionaries, settings (with their values),
| deadlines and its installed_plugins row. Core tables and other plugins' rows are
| untouched. The folder stays on disk: the command says to remove it or disable
| it, or the next start installs it afresh.
*/
import { join, isAbsolute } from 'node:path'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import type { LoadedPlugin } from '../types.js'
import { pluginTables } from './plugin_tables.js'
import { dumpTables } from './table_dump.js'
import { dumpTablesXlsx } from './table_dump_xlsx.js'

export class PluginLifecycleError extends Error {}

export interface UninstallOptions {
  /** Every plugin folder on disk and the ids enabled in this process. */
  installed: LoadedPlugin[]
  enabled: string[]
  appRoot: string
  /** Folder of the dump (default PLUGIN_DUMPS_DIR, else storage/plugin-dumps). */
  dumpDir?: string
}

export interface UninstallReport {
  id: string
  /** The SQL dump (restores the tables) and its xlsx twin (one sheet per table). */
  dumpFile: string
  xlsxFile: string
  tables: Record<string, number>
  removed: Record<string, number>
}

/** Enabled plugins that depend on `id` (they would break without it). */
export function dependentsOf(id: string, installed: LoadedPlugin[], enabled: string[]) {
  return installed
    .filter((p) => p.id !== id && enabled.includes(p.id))
    .filter((p) => (p.manifest.dependsOn ?? []).includes(id))
    .map((p) => p.id)
}

export function dumpFolder(appRoot: string, dir?: string) {
  const folder = dir ?? env.get('PLUGIN_DUMPS_DIR') ?? 'storage/plugin-dumps'
  return isAbsolute(folder) ? folder : join(appRoot, folder)
}

export async function uninstallPlugin(id: string, options: UninstallOptions) {
  const plugin = options.installed.find((p) => p.id === id)
  if (!plugin) throw new PluginLifecycleError(`Plugin "${id}" is not in the plugins folder`)
  const dependents = dependentsOf(id, options.installed, options.enabled)
  if (dependents.length)
    throw new PluginLifecycleError(
      `Plugin "${id}" is needed by enabled plugin(s) ${dependents.map((d) => `"${d}"`).join(', ')}: disable or uninstall them first`
    )

  const schema = db.connection().getWriteClient().schema
  const tables: string[] = []
  for (const table of await pluginTables(plugin, options.appRoot))
    if (await schema.hasTable(table)) tables.push(table)

  const stamp = DateTime.now().setZone('Asia/Shanghai').toFormat("yyyyMMdd'T'HHmmss")
  const folder = dumpFolder(options.appRoot, options.dumpDir)
  const dump = await dumpTables(folder, id, tables, stamp)
  const xlsxFile = await dumpTablesXlsx(folder, id, tables, stamp)
  await dropTables([...tables].reverse())
  const removed = await removeRegistryRows(plugin, Object.keys(dump.rows), dump.file)
  return { id, dumpFile: dump.file, xlsxFile, tables: dump.rows, removed } satisfies UninstallReport
}

/**
 * Drops in reverse creation order; a table another still references (a foreign key
 * created in a later migration) is retried after the others, so no FK checks are
 * switched off on a pooled connection.
 */
async function dropTables(tables: string[]) {
  let pending = tables
  while (pending.length) {
    const failed: string[] = []
    let lastError: unknown
    for (const table of pending) {
      try {
        await db.connection().getWriteClient().schema.dropTable(table)
      } catch (error) {
        failed.push(table)
        lastError = error
      }
    }
    if (failed.length === pending.length) throw lastError
    pending = failed
  }
}

async function removeRegistryRows(plugin: LoadedPlugin, tables: string[], dumpFile: string) {
  const id = plugin.id
  const migrations = plugin.migrationsPath.replace(/^\.\//, '')
  return db.transaction(async (trx) => {
    const codes = trx.from('permissions').where('source', id).select('code')
    const types = trx.from('dict_types').where('source', id).select('code')
    const removed = {
      migrations: await trx.from('adonis_schema').where('name', 'like', `${migrations}/%`).delete(),
      roleGrants: await trx.from('role_permissions').whereIn('permission', codes).delete(),
      permissions: await trx.from('permissions').where('source', id).delete(),
      menus: await trx.from('menus').where('source', id).delete(),
      dictItems: await trx.from('dict_items').whereIn('type_code', types).delete(),
      dictTypes: await trx.from('dict_types').where('source', id).delete(),
      settings: await trx.from('settings').where('source', id).delete(),
      deadlines: await trx.from('deadlines').where('source', id).delete(),
      installed: await trx.from('installed_plugins').where('id', id).delete(),
    }
    // Running app nodes drop the removed grants and menus.
    await accessChanged(trx)
    const count = (n: unknown) => Number(Array.isArray(n) ? n[0] : n)
    const summary = Object.fromEntries(Object.entries(removed).map(([k, n]) => [k, count(n)]))
    await audit.append(null, {
      action: 'plugin.uninstall',
      entityType: 'plugin',
      entityId: id,
      before: { version: plugin.manifest.version, tables },
      after: summary,
      detail: `dump ${dumpFile}`,
      trx,
    })
    return summary
  })
}
