/*
| Upgrading a plugin (docs/plugins.md "Lifecycle"): after `migration:run` applied the
| pending migrations, the data steps the manifest keys by version run once each, in
| version order, in one transaction that also moves installed_plugins.version to the
| code's version and writes the audit row. The row is locked first and the installed
| version read again under the lock, so two nodes (or two operators) upgrading at
| once run the steps once: the second finds nothing pending.
*/
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import type { LoadedPlugin } from '../types.js'
import { compareVersions, pendingStepVersions } from './versions.js'

export interface UpgradeResult {
  id: string
  from: string
  to: string
  steps: string[]
}

/** Installed version per plugin id (installed_plugins), for plugins:list and upgrades. */
export async function installedVersions(): Promise<Map<string, string>> {
  const rows = await db.from('installed_plugins').select('id', 'version')
  return new Map(rows.map((r: { id: string; version: string }) => [r.id, r.version]))
}

/** Runs one plugin's pending data steps; null when it is not installed or already current. */
export async function upgradePlugin(plugin: LoadedPlugin): Promise<UpgradeResult | null> {
  const manifest = plugin.manifest
  return db.transaction(async (trx) => {
    const row = await trx.from('installed_plugins').where('id', plugin.id).forUpdate().first()
    if (!row || compareVersions(manifest.version, row.version) <= 0) return null
    const from = row.version as string
    const steps = pendingStepVersions(Object.keys(manifest.upgrades ?? {}), from, manifest.version)
    for (const version of steps) {
      const step = (await manifest.upgrades![version]()).default
      await step({ trx, from, to: manifest.version })
    }
    await trx
      .from('installed_plugins')
      .where('id', plugin.id)
      .update({ version: manifest.version, updated_at: dbNow() })
    await audit.append(null, {
      action: 'plugin.upgrade',
      entityType: 'plugin',
      entityId: plugin.id,
      before: { version: from },
      after: { version: manifest.version, steps },
      trx,
    })
    return { id: plugin.id, from, to: manifest.version, steps }
  })
}

/** Upgrades every given plugin in dependency order (the order they come in). */
export async function upgradePlugins(plugins: LoadedPlugin[]): Promise<UpgradeResult[]> {
  const done: UpgradeResult[] = []
  for (const plugin of plugins) {
    const result = await upgradePlugin(plugin)
    if (result) done.push(result)
  }
  return done
}
