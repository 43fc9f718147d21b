/*
| Writes what core and the enabled plugins declare into the database: menus,
| permissions, dictionaries, settings and the installed-plugin list.
|
| Rules (docs/plugins.md "What the kernel syncs"):
| - idempotent: rows are written only when a declared field differs, so a second
|   boot reports zero changes;
| - a menu/permission/dictionary item/setting removed from a present manifest is
|   deleted (with its role grants, for permissions);
| - everything of a plugin that is disabled or whose folder is gone is marked
|   inactive, keeping grants and parameter values for when it comes back;
| - administrators' columns (custom_*, hidden, value, frozen, enabled) are never written.
*/
import { dbNow } from '#core/db/db_time'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { PluginManifest } from './types.js'
import { allMenus, permissionCodes } from './validate_manifest.js'
import { ledgerMenuRow } from '#core/ledgers/ledger_menus'

export interface SyncReport {
  inserted: number
  updated: number
  deleted: number
  deactivated: number
}

type Row = Record<string, string | number | boolean | null>

/** Source of rows created in the console (admin dictionaries, menu directories). */
export const ADMIN_SOURCE = 'admin'

interface TableSpec {
  table: string
  key: string[]
  /** Columns the manifest owns; the only ones an update writes. */
  owned: string[]
  /** Restricts which existing rows this sync may delete or deactivate. */
  scope?: (row: Row) => boolean
}

const norm = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v)
const same = (a: Row, b: Row, cols: string[]) =>
  cols.every((c) => String(norm(a[c])) === String(norm(b[c])))
const keyOf = (row: Row, key: string[]) => key.map((k) => String(row[k])).join('\u0000')

async function syncTable(
  trx: TransactionClientContract,
  spec: TableSpec,
  declared: Row[],
  sources: Set<string>,
  report: SyncReport,
  sourceOf: (row: Row) => string
) {
  const existing = (await trx.from(spec.table).select('*')) as Row[]
  const byKey = new Map(existing.map((r) => [keyOf(r, spec.key), r]))
  const declaredKeys = new Set<string>()

  for (const row of declared) {
    const k = keyOf(row, spec.key)
    declaredKeys.add(k)
    const current = byKey.get(k)
    if (!current) {
      await trx.table(spec.table).insert(row)
      report.inserted++
    } else if (!same(current, row, spec.owned)) {
      const patch = Object.fromEntries(spec.owned.map((c) => [c, row[c]]))
      await whereKey(trx.from(spec.table), spec.key, current).update(patch)
      report.updated++
    }
  }

  for (const row of existing) {
    if (spec.scope && !spec.scope(row)) continue
    // Rows administrators created in the console (source 'admin') belong to no manifest.
    if (sourceOf(row) === ADMIN_SOURCE) continue
    if (declaredKeys.has(keyOf(row, spec.key))) continue
    if (sources.has(sourceOf(row))) {
      await whereKey(trx.from(spec.table), spec.key, row).delete()
      if (spec.table === 'permissions') {
        await trx
          .from('role_permissions')
          .where('permission', row.code as string)
          .delete()
      }
      report.deleted++
    } else if ('active' in row && norm(row.active) !== 0) {
      await whereKey(trx.from(spec.table), spec.key, row).update({ active: false })
      report.deactivated++
    }
  }
}

function whereKey(query: any, key: string[], row: Row) {
  for (const k of key) query.where(k, row[k])
  return query
}

function menuRows(manifest: PluginManifest): Row[] {
  const rows: Row[] = []
  const walk = (items: PluginManifest['menus'] = [], parent: string | null) => {
    items.forEach((m, index) => {
      rows.push({
        code: m.code,
        parent_code: parent ?? m.parent ?? null,
        source: manifest.id,
        type: m.type,
        name_zh: m.name.zh,
        name_en: m.name.en,
        permission: m.permission ?? null,
        page_key: m.page ?? null,
        path: m.type === 'page' ? (m.path ?? `/p/${m.page}`) : null,
        icon: m.icon ?? null,
        sort: m.order ?? index + 1,
        active: true,
      })
      walk(m.children, m.code)
    })
  }
  walk(manifest.menus, null)
  rows.push(...(manifest.ledgers ?? []).map((l, i) => ledgerMenuRow(manifest.id, l, i)))
  return rows
}

function permissionRows(manifest: PluginManifest): Row[] {
  const named = new Map((manifest.permissions ?? []).map((p) => [p.code, p.name]))
  for (const menu of allMenus(manifest.menus)) {
    if (menu.permission && !named.has(menu.permission)) named.set(menu.permission, menu.name)
  }
  return permissionCodes(manifest).map((code) => ({
    code,
    source: manifest.id,
    name_zh: named.get(code)!.zh,
    name_en: named.get(code)!.en,
    active: true,
  }))
}

export async function syncManifests(manifests: PluginManifest[]): Promise<SyncReport> {
  const report: SyncReport = { inserted: 0, updated: 0, deleted: 0, deactivated: 0 }
  const sources = new Set(manifests.map((m) => m.id))

  await db.transaction(async (trx) => {
    const plugins = manifests.filter((m) => m.id !== 'system')
    const now = dbNow()
    const existingPlugins = (await trx.from('installed_plugins').select('*')) as Row[]
    const known = new Map(existingPlugins.map((r) => [r.id as string, r]))
    for (const [index, m] of plugins.entries()) {
      const row = {
        id: m.id,
        name_zh: m.name.zh,
        name_en: m.name.en,
        depends_on: JSON.stringify(m.dependsOn ?? []),
        active: true,
        load_order: index + 1,
      }
      const current = known.get(m.id)
      if (!current) {
        // `version` is the installed version: written here on first install, afterwards
        // only by `plugins:upgrade` once its data steps ran (lifecycle/upgrade.ts).
        await trx
          .table('installed_plugins')
          .insert({ ...row, version: m.version, created_at: now, updated_at: now })
        report.inserted++
      } else if (!same(current, row, Object.keys(row))) {
        await trx
          .from('installed_plugins')
          .where('id', m.id)
          .update({ ...row, updated_at: now })
        report.updated++
      }
    }
    for (const row of existingPlugins) {
      if (!sources.has(row.id as string) && norm(row.active) !== 0) {
        await trx
          .from('installed_plugins')
          .where('id', row.id as string)
          .update({ active: false, updated_at: now })
        report.deactivated++
      }
    }

    const bySource = (r: Row) => r.source as string
    await syncTable(
      trx,
      { table: 'permissions', key: ['code'], owned: ['source', 'name_zh', 'name_en', 'active'] },
      manifests.flatMap(permissionRows),
      sources,
      report,
      bySource
    )
    await syncTable(
      trx,
      {
        table: 'menus',
        key: ['code'],
        owned: [
          'parent_code',
          'source',
          'type',
          'name_zh',
          'name_en',
          'permission',
          'page_key',
          'path',
          'icon',
          'sort',
          'active',
        ],
      },
      manifests.flatMap(menuRows),
      sources,
      report,
      bySource
    )

    const dictTypes = manifests.flatMap((m) =>
      (m.dictionaries ?? []).map((d) => ({
        code: d.type,
        source: m.id,
        name_zh: d.name.zh,
        name_en: d.name.en,
        active: true,
      }))
    )
    await syncTable(
      trx,
      { table: 'dict_types', key: ['code'], owned: ['source', 'name_zh', 'name_en', 'active'] },
      dictTypes,
      sources,
      report,
      bySource
    )

    const typeSource = new Map(
      ((await trx.from('dict_types').select('code', 'source')) as Row[]).map((r) => [
        r.code as string,
        r.source as string,
      ])
    )
    const dictItems = manifests.flatMap((m) =>
      (m.dictionaries ?? []).flatMap((d) =>
        d.items.map((item, index) => ({
          type_code: d.type,
          code: item.code,
          label_zh: item.label.zh,
          label_en: item.label.en,
          sort: item.order ?? index + 1,
          color: item.color ?? null,
          origin: 'plugin',
        }))
      )
    )
    await syncTable(
      trx,
      {
        table: 'dict_items',
        key: ['type_code', 'code'],
        owned: ['label_zh', 'label_en', 'sort', 'color', 'origin'],
        scope: (r) => r.origin === 'plugin',
      },
      dictItems,
      sources,
      report,
      (r) => typeSource.get(r.type_code as string) ?? ''
    )

    const settings = manifests.flatMap((m) =>
      (m.settings ?? []).map((s) => ({
        key: s.key,
        source: m.id,
        name_zh: s.name.zh,
        name_en: s.name.en,
        type: s.type,
        default_value: s.default,
        active: true,
        // Only written on insert: `frozen` is not an owned column, so the sync never unfreezes.
        frozen: s.frozenOnInstall ?? false,
      }))
    )
    await syncTable(
      trx,
      {
        table: 'settings',
        key: ['key'],
        owned: ['source', 'name_zh', 'name_en', 'type', 'default_value', 'active'],
      },
      settings,
      sources,
      report,
      bySource
    )
  })

  return report
}
