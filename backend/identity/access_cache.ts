/*
| Grants between requests. Every authenticated request used to read the user's
| roles, permission codes, custom orgs and org path (four statements), GET
| /api/me also every menu row, and each 机构及下级 request its subtree's org ids.
| They change rarely (系统管理), so each app node keeps them in memory:
|
| - One version for all of it, `access` in cache_versions (versioned_cache.ts):
|   whoever changes roles, grants, role orgs, user roles, users' orgs, orgs,
|   menus or the plugins' permissions calls `accessChanged(trx)` in the same
|   transaction. After commit the writer's node drops its copy at once and the
|   other nodes hear it on the cache bus (Redis) within milliseconds; a lost
|   message is caught by the version re-check (CACHE_RECHECK_MS, 3 s) — the
|   same guarantee as 数据字典 and 参数. A revoked permission is therefore
|   refused on the very next request on the writer's node and within the bus's
|   delay (at most the re-check interval) on the others.
| - Belt and braces for a writer someone forgets to wire: no node serves a copy
|   older than MAX_AGE_MS, whatever the version says.
| - The user row itself is still read per request by the token guard, so a
|   disabled account is refused at once, and grants are keyed by the user's
|   current org (a move is never served the old org's grants).
| - Off when the re-check interval is 0 (the Japa suite: each test rolls back
|   behind the cache's back); access_cache.spec.ts turns it on.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { appCache } from '#core/cache/app_caches'
import type { VersionedCache } from '#core/cache/versioned_cache'
import type { MenuRow } from '#core/system/menu_tree'
import { loadSubtreeOrgIds, loadUserGrants, type UserGrants } from './user_grants.js'

export const ACCESS_CACHE_NAME = 'access'
/** Longest any node serves a user's grants without reading them again. */
export const MAX_AGE_MS = 60_000
/** More users than this in one version: start again rather than grow without bound. */
const MAX_USERS = 20_000

/** One version's worth of grants, filled lazily per user. */
export interface AccessSnapshot {
  /** Date.now() when this version's copy was started (MAX_AGE_MS). */
  startedAt: number
  users: Map<number, Promise<UserGrants>>
  menuRows: Promise<MenuRow[]> | null
  subtrees: Map<string, Promise<number[]>>
}

const emptySnapshot = async (): Promise<AccessSnapshot> => ({
  startedAt: Date.now(),
  users: new Map(),
  menuRows: null,
  subtrees: new Map(),
})

let cache: VersionedCache<AccessSnapshot> = appCache(ACCESS_CACHE_NAME, emptySnapshot)

/** Tests: run against a cache with real intervals (and put the app's back afterwards). */
export function swapAccessCache(
  replacement: VersionedCache<AccessSnapshot>
): VersionedCache<AccessSnapshot> {
  const previous = cache
  cache = replacement
  return previous
}

export { emptySnapshot as newAccessSnapshot }

type Client = QueryClientContract | TransactionClientContract

/**
 * Call after changing anything grants or menus are read from (see the header),
 * with the transaction that made the change when there is one.
 */
export function accessChanged(client?: Client): Promise<string> {
  return cache.changed(client)
}

const caching = () => cache.recheckMs > 0

/** This node's copy, started again when older than MAX_AGE_MS. */
async function snapshot(): Promise<AccessSnapshot> {
  const current = await cache.get()
  if (Date.now() - current.startedAt < MAX_AGE_MS) return current
  cache.invalidate()
  return cache.get()
}

function remember<K, T>(map: Map<K, Promise<T>>, key: K, load: () => Promise<T>) {
  const loading = load()
  map.set(key, loading)
  // A failed read is not kept: the next request tries again.
  loading.catch(() => {
    if (map.get(key) === loading) map.delete(key)
  })
  return loading
}

/** The user's grants, from this node's copy when it is current. */
export async function grantsFor(user: { id: number; orgId: number }): Promise<UserGrants> {
  if (!caching()) return loadUserGrants(user)
  const { users } = await snapshot()
  const held = users.get(user.id)
  // Keyed by user, checked against the org the request's fresh user row names.
  if (held && (await held.catch(() => null))?.orgId === user.orgId) return held
  if (users.size >= MAX_USERS) users.clear()
  return remember(users, user.id, () => loadUserGrants(user))
}

/** Every active, non-button menu row (the side menu's source). */
export async function menuRows(): Promise<MenuRow[]> {
  const load = async () =>
    (await db.from('menus').where('active', true).whereNot('type', 'button')) as MenuRow[]
  if (!caching()) return load()
  const current = await snapshot()
  current.menuRows ??= load().catch((error) => {
    current.menuRows = null
    throw error
  })
  return current.menuRows
}

/** The ids of the org subtree at `orgPath`. */
export async function subtreeOrgIds(orgPath: string): Promise<number[]> {
  if (!caching()) return loadSubtreeOrgIds(orgPath)
  const { subtrees } = await snapshot()
  return subtrees.get(orgPath) ?? remember(subtrees, orgPath, () => loadSubtreeOrgIds(orgPath))
}
