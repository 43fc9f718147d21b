import env from '#start/env'
import mysql from 'mysql2/promise'

/** Drops and recreates the suite's own database; refuses a name that is not clearly a test one. */
export async function recreateTestDatabase() {
  if (env.get('DB_CONNECTION') !== 'mysql') return
  const name = env.get('DB_DATABASE', '')
  if (!/(^|_)test(_|$)/.test(name))
    throw new Error(`Refusing to recreate database "${name}": its name must contain "test"`)
  const connection = await mysql.createConnection({
    host: env.get('DB_HOST', '127.0.0.1'),
    port: env.get('DB_PORT', 3306),
    user: env.get('DB_USER', 'root'),
    password: env.get('DB_PASSWORD', ''),
  })
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``)
  await connection.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await connection.end()
}

/** Login rate-limit counters live in Redis for a minute; a rerun must not inherit them. */
export async function clearRateLimits() {
  if (!env.get('REDIS_HOST')) return
  const { Redis } = await import('ioredis')
  const redis = new Redis({
    host: env.get('REDIS_HOST'),
    port: env.get('REDIS_PORT', 6379),
    password: env.get('REDIS_PASSWORD'),
    lazyConnect: true,
  })
  const prefix = env.get('QUEUE_PREFIX', 'ram')
  const keys = [
    ...(await redis.keys(`${prefix}:ratelimit:*`)),
    ...(await redis.keys(`${prefix}:claim:*`)),
  ]
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
}

/**
 * Migrates the suite's fresh database. Without locks: MariaDB's migration lock
 * is server-wide (GET_LOCK), so suites migrating other databases on the same
 * server would otherwise trip over each other; nothing else touches this one.
 */
export async function migrateTestDatabase() {
  const { default: app } = await import('@adonisjs/core/services/app')
  const ace = await app.container.make('ace')
  const command = await ace.exec('migration:run', [
    '--force',
    '--disable-locks',
    '--compact-output',
  ])
  if (command.exitCode) throw command.error ?? new Error('migration:run failed')
}
