import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { queue } from '#core/queue/queue'
import { enabledPlugins } from '#core/plugins/registry'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'

const version = JSON.parse(readFileSync(app.makePath('package.json'), 'utf8')).version as string

/** GET /api/health — public, for load balancers and operators: which DB and queue are live. */
export default class HealthController {
  async show({ response }: HttpContext) {
    const connection = db.connection()
    let dbOk = true
    let dbDetail: string | undefined
    try {
      await connection.rawQuery('select 1')
    } catch (error) {
      dbOk = false
      dbDetail = (error as Error).message
    }
    const queueHealth = await queue.health()
    const ok = dbOk && queueHealth.ok
    return response.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'degraded',
      version,
      database: {
        connection: connection.connectionName,
        client: connection.dialect.name,
        ok: dbOk,
        ...(dbDetail ? { detail: dbDetail } : {}),
      },
      queue: { driver: queue.driverName, ...queueHealth },
      plugins: (await enabledPlugins()).map((p) => ({ id: p.id, version: p.manifest.version })),
    })
  }
}
