/*
| The console's session in cookies (issue 12, "beyond the fixes"): the login
| token lives in an HttpOnly cookie that script cannot read, so an injected
| script can no longer steal a session. Because a cookie is sent by the browser
| on its own, every state-changing request of a cookie session must also carry
| the CSRF token (double submit: a second, script-readable cookie whose value the
| console copies into the X-CSRF-Token header; another site can neither read it
| nor set the header). Both cookies are SameSite=Strict, and Secure over https.
|
| Non-browser clients (the approval-system simulator, e2e API calls, bank
| integrations) keep sending `Authorization: Bearer`; they are never asked for a
| CSRF token, since no browser attaches that header by itself.
|
| A client asks for a cookie session with the header `X-Auth-Mode: cookie` on
| sign-in; the answer then sets the cookies and leaves the token out of the body.
| A custom header cannot be sent cross-site without a CORS preflight (CORS is
| off), so another site cannot sign a victim into the attacker's account either.
*/
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'

export const SESSION_COOKIE = 'ram_session'
export const CSRF_COOKIE = 'ram_csrf'
export const CSRF_HEADER = 'x-csrf-token'
export const AUTH_MODE_HEADER = 'x-auth-mode'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const wantsCookieSession = (ctx: HttpContext) =>
  ctx.request.header(AUTH_MODE_HEADER)?.toLowerCase() === 'cookie'

function cookieOptions(ctx: HttpContext) {
  // Browser-session cookies (no Max-Age): the server-side token decides how long a session lives.
  return {
    secure: ctx.request.protocol() === 'https',
    sameSite: 'strict' as const,
    domain: '',
    maxAge: undefined,
    encode: false,
  }
}

/** The sign-in answer: cookies for the console, the token in the body for API clients. */
export function sessionAnswer<T extends Record<string, unknown>>(
  ctx: HttpContext,
  token: string,
  body: T
): T & { token?: string } {
  if (!wantsCookieSession(ctx)) return { ...body, token }
  const options = cookieOptions(ctx)
  ctx.response.plainCookie(SESSION_COOKIE, token, { ...options, httpOnly: true, path: '/api' })
  ctx.response.plainCookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), {
    ...options,
    httpOnly: false,
    path: '/',
  })
  return { ...body }
}

export function clearSessionCookies(ctx: HttpContext) {
  const secure = ctx.request.protocol() === 'https'
  ctx.response.clearCookie(SESSION_COOKIE, { path: '/api', secure, sameSite: 'strict' })
  ctx.response.clearCookie(CSRF_COOKIE, { path: '/', secure, sameSite: 'strict' })
}

const cookie = (ctx: HttpContext, name: string): string | undefined => {
  const value = ctx.request.plainCookie(name, { encoded: false })
  return typeof value === 'string' && value !== '' ? value : undefined
}

function sameSecret(a: string, b: string) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * The cookie session of this request, if it uses one: 'none' (bearer header or
 * no cookie), 'ok' (the token to authenticate with), or 'csrf' (a state-changing
 * request whose X-CSRF-Token does not match the CSRF cookie).
 */
export function cookieSession(
  ctx: HttpContext
): { state: 'none' } | { state: 'ok'; token: string } | { state: 'csrf' } {
  if (ctx.request.header('authorization')) return { state: 'none' }
  const token = cookie(ctx, SESSION_COOKIE)
  if (!token) return { state: 'none' }
  if (UNSAFE_METHODS.has(ctx.request.method())) {
    const expected = cookie(ctx, CSRF_COOKIE)
    const given = ctx.request.header(CSRF_HEADER)
    if (!expected || !given || !sameSecret(expected, given)) return { state: 'csrf' }
  }
  return { state: 'ok', token }
}

const csrfRejected = new WeakSet<HttpContext>()
export const markCsrfRejected = (ctx: HttpContext) => csrfRejected.add(ctx)
export const isCsrfRejected = (ctx: HttpContext) => csrfRejected.has(ctx)
