/*
| Versioned in-process caches (数据字典, 系统提示, 参数): each app node keeps a copy
| of a small table in memory, and a change made on any node reaches every node.
|
| - The writer stores a fresh random token in `cache_versions` (in the same
|   transaction as its change, when it has one) and, after commit, publishes it on
|   the cache bus (Redis), so the other nodes drop their copy at once.
| - Without Redis (the single-node SQLite demo) the writer's own copy is the only
|   one, and it is dropped locally.
| - Safety net for a lost message (Redis restart, network blip): a copy older
|   than `recheckMs` re-reads its version row before being trusted.
| - Tokens, not counters: a rolled-back bump (every Japa test rolls back) can
|   never collide with a later, different change.
|
| Reads load the version row first and the data second, so a copy is never
| labelled newer than what it holds; the worst case is one extra reload.
*/
import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import type { CacheBus } from './cache_bus.js'

const VERSIONS_TABLE = 'cache_versions'
/** Before the first change a cache has this version; any written token differs from it. */
export const INITIAL_VERSION = '0'
/** A synchronous `peek()` starts a background check at most this often. */
const PEEK_RECHECK_FLOOR_MS = 1000
/** After a failed load (e.g. tables not migrated yet), wait before trying again from `peek()`. */
const FAILED_LOAD_BACKOFF_MS = 5000

type Client = QueryClientContract | TransactionClientContract

export const newVersionToken = () => `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`

export async function readVersion(name: string, client: Client = db.connection()): Promise<string> {
  const row = await client.from(VERSIONS_TABLE).where('name', name).select('version').first()
  return row?.version ?? INITIAL_VERSION
}

/** Stores a new version token for `name` (through `client`, so inside the caller's transaction). */
export async function writeVersion(
  name: string,
  client: Client = db.connection()
): Promise<string> {
  const version = newVersionToken()
  const row = { version, updated_at: dbNow() }
  const updated = await client.from(VERSIONS_TABLE).where('name', name).update(row)
  if (!Number(Array.isArray(updated) ? updated[0] : updated)) {
    try {
      await client.table(VERSIONS_TABLE).insert({ name, ...row })
    } catch {
      // Another node wrote the first row a moment ago; ours still has to win.
      await client.from(VERSIONS_TABLE).where('name', name).update(row)
    }
  }
  return version
}

export interface VersionedCacheOptions<T> {
  /** Key in cache_versions and on the bus: `dictionaries`, `prompts`, `settings`. */
  name: string
  /** Reads the whole cached value from the database. */
  load: () => Promise<T>
  /** Pub/sub between app nodes; null (or a getter returning null) = this process only. */
  bus?: CacheBus | null | (() => CacheBus | null)
  /**
   * How long a copy is trusted before its version row is read again. 0 = no
   * caching between async reads (the Japa suite, where each test rolls back).
   */
  recheckMs?: number
  /** What `peek()` returns before the first load succeeds. */
  fallback?: T
}

interface Entry<T> {
  version: string
  data: T
}

export class VersionedCache<T> {
  readonly name: string
  readonly recheckMs: number
  #load: () => Promise<T>
  #busOption: VersionedCacheOptions<T>['bus']
  #bus: CacheBus | null | undefined
  #unsubscribe: (() => void) | null = null
  #fallback: T | undefined
  #entry: Entry<T> | null = null
  #checkedAt = 0
  #failedAt = 0
  #loading: Promise<Entry<T>> | null = null
  /** Bumped by every invalidation, so a load that started before it never lands. */
  #generation = 0

  constructor(options: VersionedCacheOptions<T>) {
    this.name = options.name
    this.#load = options.load
    this.#busOption = options.bus ?? null
    this.recheckMs = Math.max(0, options.recheckMs ?? 3000)
    this.#fallback = options.fallback
  }

  /** The current value, reloaded when another node (or this one) changed it. */
  async get(): Promise<T> {
    return (await this.current()).data
  }

  /** The current value with its version token (the console refetches when the token changes). */
  async current(): Promise<Entry<T>> {
    this.#attach()
    const entry = this.#entry
    if (entry && this.recheckMs > 0) {
      if (Date.now() - this.#checkedAt < this.recheckMs) return entry
      const version = await readVersion(this.name)
      if (version === entry.version && this.#entry === entry) {
        this.#checkedAt = Date.now()
        return entry
      }
    }
    return this.#reload()
  }

  /** The version token of the current value. */
  async version(): Promise<string> {
    return (await this.current()).version
  }

  /**
   * The copy in memory, for synchronous callers (message texts). Starts a
   * background refresh when the copy is missing or due for a check, so the next
   * call sees the change; the first call after boot gets `fallback`.
   */
  peek(): T | undefined {
    this.#attach()
    const now = Date.now()
    const due = this.#entry
      ? now - this.#checkedAt >= Math.max(this.recheckMs, PEEK_RECHECK_FLOOR_MS)
      : now - this.#failedAt >= FAILED_LOAD_BACKOFF_MS
    if (due && !this.#loading) {
      this.current().catch((error) => this.#loadFailed(error))
    }
    return this.#entry ? this.#entry.data : this.#fallback
  }

  /** Drops this node's copy; the next read loads again. */
  invalidate(): void {
    this.#entry = null
    this.#loading = null
    this.#generation++
  }

  /**
   * Call after writing the cached tables. Pass the transaction that made the
   * change: the version is written inside it, and the other nodes are told only
   * after it commits (telling them earlier would make them reload the old rows).
   * Without a transaction the local copy is reloaded before this returns, so
   * the writer's next synchronous `peek()` already sees the change.
   */
  async changed(client?: Client): Promise<string> {
    this.#attach()
    const version = await writeVersion(this.name, client ?? db.connection())
    const announce = () => {
      this.invalidate()
      return this.#bus?.publish(this.name, version)
    }
    if (client?.isTransaction) {
      // Reload in the background: on SQLite the pool's one connection may still
      // be the transaction's while commit hooks run.
      ;(client as TransactionClientContract).after('commit', () => {
        void announce()
        this.current().catch((error) => this.#loadFailed(error))
      })
    } else {
      await announce()
      await this.current().catch((error) => this.#loadFailed(error))
    }
    return version
  }

  /** Stops listening to the bus (tests, shutdown). */
  close(): void {
    this.#unsubscribe?.()
    this.#unsubscribe = null
  }

  /** Resolves the bus on first use, so importing a cache opens no connection. */
  #attach() {
    if (this.#bus !== undefined) return
    const option = this.#busOption
    this.#bus = (typeof option === 'function' ? option() : option) ?? null
    this.#unsubscribe =
      this.#bus?.subscribe((message) => {
        if (message.name !== '*' && message.name !== this.name) return
        if (message.name !== '*' && this.#entry?.version === message.version) return
        const hadCopy = this.#entry !== null
        this.invalidate()
        // Warm again at once, so synchronous readers (peek) see the new texts.
        if (hadCopy) this.current().catch((error) => this.#loadFailed(error))
      }) ?? null
  }

  #reload(): Promise<Entry<T>> {
    if (this.#loading) return this.#loading
    const generation = this.#generation
    const loading = (async () => {
      const version = await readVersion(this.name)
      const data = await this.#load()
      const entry = { version, data }
      if (generation === this.#generation) {
        this.#entry = entry
        this.#checkedAt = Date.now()
        this.#failedAt = 0
      }
      return entry
    })().finally(() => {
      if (this.#loading === loading) this.#loading = null
    })
    this.#loading = loading
    return loading
  }

  #loadFailed(error: unknown) {
    const firstFailure = this.#failedAt === 0
    this.#failedAt = Date.now()
    // A background reload that outlived its transaction (each Japa test rolls one
    // back) is not an incident; the next read simply loads again.
    const rolledBack = String((error as Error)?.message).includes(
      'Transaction query already complete'
    )
    try {
      if (firstFailure && !rolledBack)
        logger.warn({ err: error, cache: this.name }, 'cache reload failed')
      else logger.debug({ err: error, cache: this.name }, 'cache reload failed')
    } catch {
      // No logger outside the app (e.g. a script); the fallback value is used.
    }
  }
}
