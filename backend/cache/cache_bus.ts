/*
| The cache bus: one Redis pub/sub channel on which a node announces "cache X is
| now at version V", so every other node drops its copy within milliseconds
| instead of waiting for its safety-net check. Messages a node sent itself are
| ignored (it already reloaded). After a reconnect a node may have missed
| messages, so it tells every cache to drop its copy ('*').
*/
import { randomUUID } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import logger from '@adonisjs/core/services/logger'

export interface CacheMessage {
  /** A cache name, or '*' for "every cache". */
  name: string
  version: string
}

type Listener = (message: CacheMessage) => void

export class CacheBus {
  /** Tells this node's own messages apart from the others'. */
  readonly nodeId = randomUUID()
  readonly channel: string
  #publisher: Redis
  #subscriber: Redis
  #listeners = new Set<Listener>()
  #subscribed: Promise<unknown>
  #connectedBefore = false
  #closed = false
  /** One warning per outage, not one per reconnect attempt. */
  #warned = false

  constructor(options: { redis: RedisOptions; channel: string }) {
    this.channel = options.channel
    this.#publisher = new Redis({ ...options.redis, lazyConnect: true, maxRetriesPerRequest: 1 })
    this.#subscriber = new Redis({ ...options.redis })
    this.#publisher.on('error', (error) => this.#warn(error, 'cache bus publisher'))
    this.#subscriber.on('error', (error) => this.#warn(error, 'cache bus subscriber'))
    this.#subscriber.on('ready', () => {
      this.#warned = false
      if (this.#connectedBefore) this.#emit({ name: '*', version: '' })
      this.#connectedBefore = true
    })
    this.#subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return
      try {
        const message = JSON.parse(raw) as CacheMessage & { node: string }
        if (message.node === this.nodeId) return
        this.#emit({ name: String(message.name), version: String(message.version) })
      } catch {
        // Not ours; the channel is shared by name only.
      }
    })
    this.#subscribed = this.#subscriber.subscribe(this.channel).catch((error) => {
      this.#warn(error, 'cache bus subscribe')
    })
  }

  /** Resolves once this node receives messages (tests wait for it before publishing). */
  async ready(): Promise<void> {
    await this.#subscribed
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Never throws: a Redis outage only delays other nodes until their safety-net check. */
  async publish(name: string, version: string): Promise<void> {
    if (this.#closed) return
    try {
      await this.#publisher.publish(
        this.channel,
        JSON.stringify({ node: this.nodeId, name, version })
      )
    } catch (error) {
      this.#warn(error, 'cache bus publish')
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#listeners.clear()
    this.#publisher.disconnect()
    this.#subscriber.disconnect()
  }

  #emit(message: CacheMessage) {
    for (const listener of this.#listeners) listener(message)
  }

  #warn(error: unknown, what: string) {
    if (this.#closed || this.#warned) return
    this.#warned = true
    try {
      logger.warn({ err: error }, `${what} failed`)
    } catch {
      // Outside the app there is no logger; the safety-net check still applies.
    }
  }
}
