/*
| Sessions between requests. Every authenticated request used to read its token
| row and its user row (two SELECTs, the whole authentication cost once the
| grants were cached: access_cache.ts). Each app node now keeps the rows it
| verified in memory, under the same rules as the grants:
|
| - One version, `sessions` in cache_versions (versioned_cache.ts). Whoever
|   deletes or changes a token row, or changes a users row, calls
|   `sessionsChanged(trx)` (in the same transaction when there is one): logout
|   and the provider's deletes (throttled_tokens_provider.ts), 强制下线, "end
|   every session" (password change, reset, disable, delete), the directory
|   sync, four-eyes org moves, and every save of the User model (a model hook,
|   user.ts) except sign-in bookkeeping. After commit the writer's node drops
|   its copy at once — the next request reads the rows again — and the other
|   nodes hear it on the cache bus within milliseconds; a lost message is
|   caught by the version re-check (CACHE_RECHECK_MS, 3 s).
| - The copy holds rows, not trust: the token's secret is checked against the
|   stored hash and its `expires_at` against the clock on every request, the
|   user's status by the auth middleware on every request.
| - Belt and braces for a writer someone forgets to wire: no entry is used
|   more than ENTRY_TTL_MS after it was read; at most MAX_ENTRIES tokens and
|   users are held (least recently used go first).
| - Off when the re-check interval is 0 (the Japa suite: each test rolls back
|   behind the cache's back); session_cache.spec.ts turns it on.
*/
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { appCache } from '#core/cache/app_caches'
import type { VersionedCache } from '#core/cache/versioned_cache'

export const SESSIONS_CACHE_NAME = 'sessions'
/** Longest any node uses a token or user row without reading it again. */
export const ENTRY_TTL_MS = 60_000
/** Per map; beyond it the least recently used entry goes. */
export const MAX_ENTRIES = 10_000

/** A raw auth_access_tokens or users row, as the query returned it. */
export type Row = Record<string, any>

interface Held {
  row: Promise<Row | null>
  readAt: number
}

/** One version's worth of rows, filled lazily. */
export interface SessionSnapshot {
  tokens: Map<string, Held>
  users: Map<number, Held>
}

const emptySnapshot = async (): Promise<SessionSnapshot> => ({
  tokens: new Map(),
  users: new Map(),
})

let cache: VersionedCache<SessionSnapshot> = appCache(SESSIONS_CACHE_NAME, emptySnapshot)

/** Tests: run against a cache with real intervals (and put the app's back afterwards). */
export function swapSessionCache(
  replacement: VersionedCache<SessionSnapshot>
): VersionedCache<SessionSnapshot> {
  const previous = cache
  cache = replacement
  return previous
}

export { emptySnapshot as newSessionSnapshot }

type Client = QueryClientContract | TransactionClientContract

/**
 * Call after deleting or changing token rows or changing users rows (see the
 * header), with the transaction that made the change when there is one.
 */
export function sessionsChanged(client?: Client): Promise<string> {
  return cache.changed(client)
}

const caching = () => cache.recheckMs > 0

/**
 * The row under `key`, from this node's copy when read less than ENTRY_TTL_MS
 * ago. Rows that are not there (null) and failed reads are not kept.
 */
function held<K>(map: Map<K, Held>, key: K, read: () => Promise<Row | null>) {
  const now = Date.now()
  const entry = map.get(key)
  if (entry) {
    map.delete(key)
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently used.
    if (now - entry.readAt < ENTRY_TTL_MS) {
      map.set(key, entry)
      return entry.row
    }
  }
  const fresh: Held = { row: read(), readAt: now }
  map.set(key, fresh)
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as K)
  const forget = () => {
    if (map.get(key) === fresh) map.delete(key)
  }
  fresh.row.then((row) => row ?? forget(), forget)
  return fresh.row
}

/** The auth_access_tokens row with this id (`read` fetches it from the database). */
export async function tokenRow(id: string, read: () => Promise<Row | null>) {
  if (!caching()) return read()
  return held((await cache.get()).tokens, id, read)
}

/** The users row with this id. */
export async function userRow(id: number, read: () => Promise<Row | null>) {
  if (!caching()) return read()
  return held((await cache.get()).users, id, read)
}

/** Drops one token from this node's copy (an expired one: it will never verify again). */
export async function forgetToken(id: string) {
  if (caching()) (await cache.get()).tokens.delete(id)
}
