/*
| The app's own caches share one bus per process: Redis pub/sub when REDIS_HOST
| is set (several app nodes, like the BullMQ queue), none otherwise (the embedded
| single-node demo, where the writer's local drop is enough).
|
| CACHE_RECHECK_MS (default 3000) is the safety-net interval. The Japa suite
| defaults to 0 (no caching between async reads): each test rolls back its
| global transaction behind the cache's back, and other areas' tests write
| parameters directly. backend/cache/tests/functional/versioned_cache.spec.ts exercises real
| intervals with two caches standing in for two nodes.
*/
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import queueConfig from '#config/queue'
import { CacheBus } from './cache_bus.js'
import { VersionedCache, writeVersion } from './versioned_cache.js'

let bus: CacheBus | null | undefined

/** The process's cache bus, opened on first use (importing a cache opens no connection). */
export function appCacheBus(): CacheBus | null {
  if (bus === undefined) {
    bus =
      queueConfig.driver === 'bullmq'
        ? new CacheBus({
            redis: queueConfig.redis,
            channel: `${queueConfig.prefix}:cache-versions`,
          })
        : null
    const opened = bus
    if (opened) app.terminating(() => opened.close())
  }
  return bus
}

export function appRecheckMs(): number {
  const configured = Number(process.env.CACHE_RECHECK_MS)
  if (process.env.CACHE_RECHECK_MS !== undefined && Number.isFinite(configured)) return configured
  return app.inTest ? 0 : 3000
}

const registry: VersionedCache<any>[] = []

/** A named app cache on the process bus. */
export function appCache<T>(name: string, load: () => Promise<T>, fallback?: T): VersionedCache<T> {
  const cache = new VersionedCache<T>({
    name,
    load,
    fallback,
    bus: appCacheBus,
    recheckMs: appRecheckMs(),
  })
  registry.push(cache)
  return cache
}

/**
 * After the plugin sync at web-server boot: the sync writes dictionaries and
 * parameters without knowing about caches, so every cache gets a new version
 * (other nodes drop their copies) and this node starts from the database.
 */
export async function announceSyncedRegistry(): Promise<void> {
  for (const cache of registry) {
    try {
      await cache.changed()
    } catch (error) {
      logger.warn({ err: error, cache: cache.name }, 'cache version bump after sync failed')
    }
  }
}

export { writeVersion }
