import type { HttpContext } from '@adonisjs/core/http'
import { createHash, timingSafeEqual } from 'node:crypto'
import env from '#start/env'
import { collectMetrics } from './collect_metrics.js'

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * GET /metrics — Prometheus scrape, protected by METRICS_TOKEN (`Authorization: Bearer …`).
 * Unset token = the endpoint does not exist (404), so nothing leaks from a default install.
 * Compared as SHA-256 digests in constant time: the token's length does not leak either.
 */
export default class MetricsController {
  async show({ request, response }: HttpContext) {
    const token = env.get('METRICS_TOKEN')
    if (!token) return response.notFound({ message: 'Not found' })
    const given = /^Bearer (.+)$/.exec(request.header('authorization') ?? '')?.[1] ?? ''
    if (!timingSafeEqual(digest(given), digest(token))) {
      response.header('WWW-Authenticate', 'Bearer realm="metrics"')
      return response.unauthorized({ message: 'Unauthorized' })
    }
    response.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
    response.header('Cache-Control', 'no-store')
    return response.send(await collectMetrics())
  }
}
