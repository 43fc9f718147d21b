/*
| How every Redis client of the app connects (queue, caches' bus, rate limiter,
| SSO nonces): one place, so a Sentinel deployment is one setting. With
| REDIS_SENTINELS ("host:port,host:port,…") ioredis asks the sentinels which node
| is the primary of REDIS_SENTINEL_NAME and follows a failover by itself
| (reconnecting to the new primary); otherwise REDIS_HOST/REDIS_PORT name the one
| server. Queue, caches and kicks therefore keep working across a failover.
*/
/**
 * The part of ioredis' options the app sets — a plain shape, so it fits both the
 * app's ioredis and the copy BullMQ bundles.
 */
export interface RedisConnection {
  host?: string
  port?: number
  password?: string
  sentinels?: Array<{ host: string; port: number }>
  name?: string
  sentinelPassword?: string
}

export interface RedisEnv {
  host?: string
  port?: number
  password?: string
  sentinels?: string
  sentinelName?: string
}

/** "a:1, b:2" → [{host:'a',port:1},{host:'b',port:2}]; a malformed entry is refused at boot. */
export function parseSentinels(list: string): Array<{ host: string; port: number }> {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([A-Za-z0-9.\-_:[\]]+?):(\d{1,5})$/.exec(entry)
      const port = match ? Number(match[2]) : 0
      if (!match || port < 1 || port > 65535)
        throw new Error(`REDIS_SENTINELS: "${entry}" is not host:port`)
      return { host: match[1].replace(/^\[|\]$/g, ''), port }
    })
}

export function redisOptionsFrom(env: RedisEnv): RedisConnection {
  if (env.sentinels) {
    return {
      sentinels: parseSentinels(env.sentinels),
      name: env.sentinelName || 'mymaster',
      password: env.password,
      // Sentinels of this deployment share the data nodes' password, if any.
      sentinelPassword: env.password,
    }
  }
  return { host: env.host ?? '127.0.0.1', port: env.port ?? 6379, password: env.password }
}

/** Redis is in use (BullMQ, shared caches) when either way of reaching it is configured. */
export function redisConfigured(env: RedisEnv): boolean {
  return Boolean(env.host || env.sentinels)
}
