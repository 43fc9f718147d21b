/*
| The console's session (issue 12): the login token is in an HttpOnly cookie that
| no script here (or injected) can read; the browser sends it with every /api
| request. What the console can see is the CSRF cookie (double submit): its
| presence says "signed in" across reloads, and its value goes into the
| X-CSRF-Token header of every request so the server knows the request came from
| this page and not from another site (backend/identity/session_cookie.ts).
*/
import { currentLocale } from '@/i18n'

export const CSRF_COOKIE = 'ram_csrf'

/** The CSRF token of the current session, or null when there is none. */
export function csrfToken(): string | null {
  if (typeof document === 'undefined') return null
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === CSRF_COOKIE) return value.join('=') || null
  }
  return null
}

export const hasSession = () => csrfToken() !== null

/** Forgets the session on this side (after a 401 or sign-out); the server clears its cookie itself. */
export function forgetSession(): void {
  const secure = typeof location !== 'undefined' && location.protocol === 'https:' ? '; Secure' : ''
  document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict${secure}`
}

/** Headers of every API call: language, cookie-session mode and the CSRF token. */
export function sessionHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    'Accept-Language': currentLocale.value,
    'X-Auth-Mode': 'cookie',
  }
  const csrf = csrfToken()
  if (csrf) headers['X-CSRF-Token'] = csrf
  return headers
}
