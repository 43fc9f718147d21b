import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { firstWithin } from '#core/identity/rate_limit'
import { settings } from '#core/settings/settings'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The parsed body with object keys sorted: the same change sent with other
 * whitespace or key order (a trailing space, a re-serialising client) is the
 * same submission. Files count by name and size.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object' && value.constructor === Object) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  if (value && typeof value === 'object' && 'clientName' in value && 'size' in value) {
    const file = value as { clientName: string; size: number }
    return JSON.stringify({ file: file.clientName, size: file.size })
  }
  return JSON.stringify(value ?? null)
}

/**
 * 防重复提交: the same session sending the same change (method, URL and body)
 * twice within a few seconds — a double click, a re-sent form — gets 409 the
 * second time instead of doing it twice. Sign-in has its own lockout and limits.
 */
export default class RepeatSubmitMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request } = ctx
    if (
      !STATE_CHANGING.has(request.method()) ||
      !request.url().startsWith('/api/') ||
      request.url().startsWith('/api/auth/')
    ) {
      return next()
    }
    const seconds = await settings.integer('system.security.repeatSubmitSeconds').catch(() => 0)
    if (seconds <= 0) return next()
    const session = request.header('authorization') ?? request.ip()
    const body = canonicalJson({ ...request.body(), ...request.allFiles() })
    const key = createHash('sha256')
      .update(`${session}\n${request.method()}\n${request.url(true)}\n${body}`)
      .digest('hex')
    if (!(await firstWithin(`submit:${key}`, seconds))) {
      return ctx.response.conflict({
        message: ctx.i18n('identity.repeatSubmit'),
        code: 'REPEAT_SUBMIT',
      })
    }
    return next()
  }
}
