/*
| Structural checks on a manifest, so a mistake in one bank's plugin stops boot
| with a message that names the plugin and the field, not a stack trace later.
*/
import { compareVersions, isVersion } from './lifecycle/versions.js'
import type { MenuDefinition, PluginManifest } from './types.js'

export class ManifestError extends Error {
  constructor(pluginId: string, message: string) {
    super(`Plugin "${pluginId}": ${message}`)
    this.name = 'ManifestError'
  }
}

export function allMenus(menus: MenuDefinition[] = []): MenuDefinition[] {
  return menus.flatMap((m) => [m, ...allMenus(m.children)])
}

/** Every permission code a manifest uses: declared ones plus those on menus. */
export function permissionCodes(manifest: PluginManifest): string[] {
  const codes = new Set<string>((manifest.permissions ?? []).map((p) => p.code))
  for (const menu of allMenus(manifest.menus)) if (menu.permission) codes.add(menu.permission)
  return [...codes]
}

export function validateManifest(manifest: PluginManifest) {
  const id = manifest.id
  if (!manifest.name?.zh || !manifest.name?.en) throw new ManifestError(id, 'name needs zh and en')
  if (!manifest.version) throw new ManifestError(id, 'version is required')
  for (const step of Object.keys(manifest.upgrades ?? {})) {
    if (
      !isVersion(step) ||
      (isVersion(manifest.version) && compareVersions(step, manifest.version) > 0)
    )
      throw new ManifestError(
        id,
        `upgrade step "${step}" must be a version not newer than ${manifest.version}`
      )
  }

  for (const code of permissionCodes(manifest)) {
    if (!code.startsWith(`${id}:`)) {
      throw new ManifestError(id, `permission "${code}" must start with "${id}:"`)
    }
  }

  for (const menu of allMenus(manifest.menus)) {
    if (menu.parent && !(manifest.menus ?? []).includes(menu))
      throw new ManifestError(id, `menu "${menu.code}": only a top-level entry may name a parent`)
    if (menu.parent?.startsWith(`${id}:`))
      throw new ManifestError(id, `menu "${menu.code}": nest your own menus with children`)
  }

  const seen = new Set<string>()
  for (const menu of allMenus(manifest.menus)) {
    if (!menu.code.startsWith(`${id}:`))
      throw new ManifestError(id, `menu "${menu.code}" must start with "${id}:"`)
    if (seen.has(menu.code)) throw new ManifestError(id, `menu "${menu.code}" is declared twice`)
    seen.add(menu.code)
    if (menu.type !== 'directory' && !menu.permission) {
      throw new ManifestError(id, `${menu.type} menu "${menu.code}" needs a permission code`)
    }
    if (menu.type === 'page' && !menu.page)
      throw new ManifestError(id, `page menu "${menu.code}" needs a page key`)
  }

  const types = new Set<string>()
  for (const dict of manifest.dictionaries ?? []) {
    if (types.has(dict.type))
      throw new ManifestError(id, `dictionary "${dict.type}" is declared twice`)
    types.add(dict.type)
  }
  for (const setting of manifest.settings ?? []) {
    if (!setting.key.startsWith(`${id}.`))
      throw new ManifestError(id, `setting "${setting.key}" must start with "${id}."`)
  }
  for (const step of manifest.dailySteps ?? []) {
    if (!step.name.startsWith(`${id}:`))
      throw new ManifestError(id, `daily step "${step.name}" must start with "${id}:"`)
  }
  for (const extension of manifest.connectorInterfaces ?? []) {
    if ((manifest.connectors ?? []).some((system) => system.code === extension.system))
      throw new ManifestError(
        id,
        `connectorInterfaces: "${extension.system}" is the plugin's own system; list its interfaces under connectors`
      )
    if (!extension.interfaces?.length)
      throw new ManifestError(id, `connectorInterfaces: "${extension.system}" adds no interface`)
  }
  for (const job of manifest.jobs ?? []) {
    if (!job.name.startsWith(`${id}:`))
      throw new ManifestError(id, `job "${job.name}" must start with "${id}:"`)
  }
}
