/*
| Environment variables, validated at boot. Every setting has a demo-friendly
| default so `npm install && npm start` works with no .env at all; production
| deployments set APP_MODE=production and their own secrets.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  APP_MODE: Env.schema.enum.optional(['demo', 'production'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.string(),
  /**
   * 32-byte key (64 hex or base64) for sensitive fields at rest (backend/security/sensitive).
   * Required when APP_MODE=production; demo and test derive one from APP_KEY.
   */
  DATA_ENCRYPTION_KEY: Env.schema.string.optional(),
  APP_VERSION: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.string.optional(),
  /** Proxies whose X-Forwarded-For is believed (proxy-addr syntax, comma list; default loopback). */
  TRUSTED_PROXIES: Env.schema.string.optional(),

  /* Database: `sqlite` (embedded, zero-server default) or `mysql` (MariaDB / MySQL / TiDB). */
  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  SQLITE_FILE: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),

  /* Queue: BullMQ on Redis when REDIS_HOST (or REDIS_SENTINELS) is set, in-process otherwise. */
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  /* Redis Sentinel instead of one server: "host:port,host:port" and the primary's name. */
  REDIS_SENTINELS: Env.schema.string.optional(),
  REDIS_SENTINEL_NAME: Env.schema.string.optional(),
  QUEUE_PREFIX: Env.schema.string.optional(),
  /** Lanes a worker takes: `online,batch` (default), `online` or `batch`. */
  QUEUE_LANES: Env.schema.string.optional(),
  /** Connections in this process's MariaDB pool (default 10); workers and web nodes size theirs apart. */
  DB_POOL_MAX: Env.schema.number.optional(),

  /* 单点登录: shared secret of the HMAC-ticket provider `portal` (unset = provider off). */
  SSO_PORTAL_SECRET: Env.schema.string.optional(),

  /* E-mail (消息提醒): the bank's SMTP relay; unset SMTP_HOST = e-mail recorded as skipped. */
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USER: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  MAIL_FROM: Env.schema.string.optional(),

  /* Plugins: folder, and which to enable ("*" = all found) or disable (comma lists). */
  PLUGINS_DIR: Env.schema.string.optional(),
  // More plugin folders, tests only (the e2e server's tests/plugins); unset in production.
  PLUGINS_EXTRA_DIRS: Env.schema.string.optional(),
  // Where plugins:uninstall writes the SQL dump of a plugin's tables (default storage/plugin-dumps).
  PLUGIN_DUMPS_DIR: Env.schema.string.optional(),
  PLUGINS_ENABLED: Env.schema.string.optional(),

  /* 数据监控: bearer token of GET /metrics (Prometheus); unset = the endpoint answers 404. */
  METRICS_TOKEN: Env.schema.string.optional(),
  /* Backups (node ace backup:create): where they are written (default storage/backups). */
  BACKUP_DIR: Env.schema.string.optional(),
  /* Log retention: where archived log rows are written (default storage/log-archives). */
  LOG_ARCHIVE_DIR: Env.schema.string.optional(),
  PLUGINS_DISABLED: Env.schema.string.optional(),
})
