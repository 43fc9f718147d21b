/*
| Finds plugins, validates their manifests and orders them by `dependsOn`.
| Runs before the app boots (config/database.ts needs the migration folders), so
| it uses nothing but Node and the manifest files themselves.
*/
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { LoadedPlugin, PluginManifest } from './types.js'
import { validateManifest } from './validate_manifest.js'
import { indexExtensions } from '../extensions/extension_registry.js'

export class PluginKernelError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PluginKernelError'
  }
}

export interface DiscoveryOptions {
  appRoot: string
  directory: string
  /**
   * More folders scanned after `directory` (PLUGINS_EXTRA_DIRS): the kernel's test
   * plugins for the e2e server, never set in production. Their plugins have no
   * console pages of their own (the console build reads `directory` only).
   */
  extraDirectories?: string[]
  enabled: '*' | string[]
  disabled: string[]
}

const ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/
/** Ids the core uses for itself (`system:` codes) or for console-created rows (`admin`). */
const RESERVED_IDS = ['system', 'core', 'api', 'auth', 'admin']

function manifestFile(folder: string): string | undefined {
  for (const name of ['plugin.ts', 'plugin.js']) {
    const file = join(folder, name)
    if (existsSync(file)) return file
  }
  return undefined
}

/** Every plugin folder present on disk, enabled or not, with its manifest. */
export async function readManifests(
  options: Pick<DiscoveryOptions, 'appRoot' | 'directory' | 'extraDirectories'>
) {
  const found: LoadedPlugin[] = []
  for (const directory of [options.directory, ...(options.extraDirectories ?? [])]) {
    for (const plugin of await readFolder(options.appRoot, directory)) {
      const twin = found.find((p) => p.id === plugin.id)
      if (twin)
        throw new PluginKernelError(
          `Plugin "${plugin.id}" is in two folders: ${relative(options.appRoot, twin.root)} and ${relative(options.appRoot, plugin.root)}`
        )
      found.push(plugin)
    }
  }
  return found
}

async function readFolder(appRoot: string, directory: string) {
  const options = { appRoot }
  const base = join(appRoot, directory)
  if (!existsSync(base)) return []
  const found: LoadedPlugin[] = []
  for (const entry of readdirSync(base).sort()) {
    const root = join(base, entry)
    if (!statSync(root).isDirectory()) continue
    const file = manifestFile(root)
    if (!file) continue
    const module = await import(pathToFileURL(file).href)
    const manifest = module.default as PluginManifest
    if (!manifest || typeof manifest !== 'object') {
      throw new PluginKernelError(
        `Plugin folder "${entry}" has no default export in ${relative(options.appRoot, file)}`
      )
    }
    if (manifest.id !== entry) {
      throw new PluginKernelError(
        `Plugin folder "${entry}" declares id "${manifest.id}"; the id must equal the folder name`
      )
    }
    if (RESERVED_IDS.includes(manifest.id)) {
      throw new PluginKernelError(`Plugin id "${manifest.id}" is reserved for the core`)
    }
    if (!ID_PATTERN.test(manifest.id)) {
      throw new PluginKernelError(
        `Plugin id "${manifest.id}" must be lower-case letters, digits and dashes`
      )
    }
    validateManifest(manifest)
    const migrationsPath =
      './' +
      relative(options.appRoot, join(root, manifest.migrations ?? 'database/migrations'))
        .split('\\')
        .join('/')
    found.push({ manifest, id: manifest.id, root, migrationsPath })
  }
  return found
}

/**
 * Orders plugins so each comes after everything it depends on (Kahn's algorithm,
 * ties broken by id so the order is the same on every node and every boot).
 */
export function orderByDependencies(
  plugins: LoadedPlugin[],
  all: LoadedPlugin[] = plugins
): LoadedPlugin[] {
  const byId = new Map(plugins.map((p) => [p.id, p]))
  const present = new Set(all.map((p) => p.id))
  for (const plugin of plugins) {
    for (const dep of plugin.manifest.dependsOn ?? []) {
      if (!byId.has(dep)) {
        const why = present.has(dep) ? 'which is disabled' : 'which is not installed'
        throw new PluginKernelError(`Plugin "${plugin.id}" depends on plugin "${dep}", ${why}`)
      }
    }
  }

  assertUniqueDictionaryTypes(plugins)

  const ordered: LoadedPlugin[] = []
  const done = new Set<string>()
  const pending = [...plugins].sort((a, b) => a.id.localeCompare(b.id))
  while (pending.length) {
    const index = pending.findIndex((p) => (p.manifest.dependsOn ?? []).every((d) => done.has(d)))
    if (index === -1) {
      throw new PluginKernelError(`Plugin dependency cycle: ${describeCycle(pending)}`)
    }
    const [next] = pending.splice(index, 1)
    ordered.push(next)
    done.add(next.id)
  }
  return ordered
}

/** Walks dependsOn from the first blocked plugin until an id repeats: "a → b → a". */
function describeCycle(blocked: LoadedPlugin[]): string {
  const byId = new Map(blocked.map((p) => [p.id, p]))
  const path: string[] = []
  let current: LoadedPlugin | undefined = blocked[0]
  while (current && !path.includes(current.id)) {
    path.push(current.id)
    const next: string | undefined = (current.manifest.dependsOn ?? []).find((d) => byId.has(d))
    current = next ? byId.get(next) : undefined
  }
  if (current) path.push(current.id)
  return path.map((id) => `"${id}"`).join(' → ')
}

/** Discovers, filters by configuration and orders the enabled plugins. */
export async function discoverPlugins(options: DiscoveryOptions): Promise<LoadedPlugin[]> {
  const all = await readManifests(options)
  const enabled = all.filter(
    (p) =>
      (options.enabled === '*' || options.enabled.includes(p.id)) &&
      !options.disabled.includes(p.id)
  )
  const ordered = orderByDependencies(enabled, all)
  // Slots and extension fields name other plugins: checked across the enabled set at boot.
  indexExtensions(ordered.map((p) => p.manifest))
  return ordered
}

export const defaultAppRoot = fileURLToPath(new URL('../../', import.meta.url))

/** A dictionary type belongs to one plugin: two declaring the same type would fight over it on every boot. */
function assertUniqueDictionaryTypes(plugins: LoadedPlugin[]) {
  const owner = new Map<string, string>()
  for (const plugin of plugins) {
    for (const dict of plugin.manifest.dictionaries ?? []) {
      const first = owner.get(dict.type)
      if (first)
        throw new PluginKernelError(
          `Plugins "${first}" and "${plugin.id}" both declare dictionary type "${dict.type}"`
        )
      owner.set(dict.type, plugin.id)
    }
  }
}
