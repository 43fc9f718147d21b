/*
| Page keys → lazy page components, discovered at build time.
|
|   frontend/src/areas/<area>/pages/<path>.vue → key '<path>'          e.g. 'system/Users'
|   plugins/<id>/ui/<path>.vue             → key '<id>/<path>'         e.g. 'loan-notes/notes/NotesPage'
|
| A menu row names its page by key (menus.page), so a plugin ships its page by
| dropping a .vue file under its ui/ folder; rebuilding the console picks it up.
| Core keys win over a plugin key that collides with them, so a plugin cannot
| replace a system page by accident.
*/
import { defineComponent, h, type Component } from 'vue'
import PageMissing from '@/components/PageMissing.vue'

export type PageLoader = () => Promise<unknown>
export type GlobMap = Record<string, PageLoader>

// An area's pages keep the key they had before the console was split into areas, because
// menu rows in every installed database name pages by that key.
const CORE_PATH = /(?:^|\/)(?:areas\/[^/]+\/)?pages\/(.+)\.vue$/
const PLUGIN_PATH = /(?:^|\/)plugins\/([^/]+)\/ui\/(.+)\.vue$/

/** The key of a core page from its glob path ('../pages/system/Users.vue' → 'system/Users'). */
export function corePageKey(globPath: string): string | null {
  return CORE_PATH.exec(globPath)?.[1] ?? null
}

/** The key of a plugin page ('/plugins/loan-notes/ui/notes/NotesPage.vue' → 'loan-notes/notes/NotesPage'). */
export function pluginPageKey(globPath: string): string | null {
  const match = PLUGIN_PATH.exec(globPath)
  return match ? `${match[1]}/${match[2]}` : null
}

export function buildPageRegistry(coreGlob: GlobMap, pluginGlob: GlobMap): Map<string, PageLoader> {
  const registry = new Map<string, PageLoader>()
  for (const [path, loader] of Object.entries(pluginGlob)) {
    const key = pluginPageKey(path)
    if (key) registry.set(key, loader)
  }
  for (const [path, loader] of Object.entries(coreGlob)) {
    const key = corePageKey(path)
    if (key) registry.set(key, loader)
  }
  return registry
}

/** A route component that says which page key is missing (plugin not built in, or a typo in the menu). */
export function missingPage(key: string | null): Component {
  return defineComponent({ name: 'MissingPage', render: () => h(PageMissing, { page: key ?? '' }) })
}

export function createPageResolver(registry: Map<string, PageLoader>) {
  return function resolvePage(key: string | null | undefined): PageLoader | Component {
    const normalized = (key ?? '').replace(/^\/+|\.vue$/g, '')
    return registry.get(normalized) ?? missingPage(normalized || null)
  }
}

export const pageRegistry = buildPageRegistry(
  import.meta.glob('../areas/*/pages/**/*.vue'),
  import.meta.glob('@plugins/*/ui/**/*.vue')
)

export const resolvePage = createPageResolver(pageRegistry)
