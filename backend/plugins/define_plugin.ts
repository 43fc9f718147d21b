import type { PluginManifest } from './types.js'

/** Typed identity helper for `plugins/<id>/plugin.ts`. */
export function definePlugin<const T extends PluginManifest>(manifest: T): T {
  return manifest
}

export type * from './types.js'
