/*
| Navigation rules: public routes (login) pass; no session → /login?redirect=…;
| first navigation with a session loads /api/me, installs the menu routes and the
| dictionaries, then re-resolves the URL (it may be a menu route that did not exist
| a moment ago). A session that must change its password first reaches only
| /change-password (and /login); it comes back to the page it wanted afterwards.
*/
import { START_LOCATION, type LocationQueryRaw, type Router } from 'vue-router'
import { ApiError, httpHooks } from '@/api/http'
import { LOCALE_KEY, setLocale } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { useDictStore } from '@/stores/dict'
import { useTabsStore } from '@/stores/tabs'
import { installMenuRoutes, removeMenuRoutes } from './dynamic'

export const LOGIN_ROUTE = 'login'
export const CHANGE_PASSWORD_ROUTE = 'change-password'
const CHANGE_PASSWORD_PATH = '/change-password'

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    const auth = useAuthStore()
    if (!auth.signedIn) return { name: LOGIN_ROUTE, query: { redirect: to.fullPath } }

    if (!auth.loaded) {
      try {
        await loadSession(router)
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) auth.reset()
        return { name: LOGIN_ROUTE, query: { redirect: to.fullPath } }
      }
      return to.fullPath
    }

    if (auth.mustChangePassword && to.name !== CHANGE_PASSWORD_ROUTE) {
      return { name: CHANGE_PASSWORD_ROUTE, query: redirectQuery(to.fullPath) }
    }
    return true
  })

  installSessionExpiry(router)
  installPasswordChangeRedirect(router)
}

/**
 * (Re)loads /api/me and everything derived from it. Used by the guard on the first
 * navigation and by the password form once the new full session token is stored.
 */
export async function loadSession(router: Router): Promise<void> {
  const auth = useAuthStore()
  await auth.loadMe()
  adoptUserLocale(auth.user?.locale)
  installMenuRoutes(router, auth.menus)
  // A session held at the password form may not read dictionaries (403); they load after the change.
  // Pages render codes until dictionaries arrive; a failure here must not block sign-in.
  if (!auth.mustChangePassword)
    useDictStore()
      .load()
      .catch(() => {})
}

/**
 * Only same-site paths: a crafted ?redirect=//evil.example must not leave the
 * console, and coming back to /login or /change-password would be a loop.
 */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' &&
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.startsWith('/login') &&
    !target.startsWith('/sso') &&
    !target.startsWith(CHANGE_PASSWORD_PATH)
    ? target
    : '/'
}

/** ?redirect=… for the password form; the workbench is the default and needs no parameter. */
export function redirectQuery(target: string): LocationQueryRaw {
  const safe = safeRedirect(target)
  return safe === '/' ? {} : { redirect: safe }
}

/** A user's saved language applies until they pick one on this browser. */
function adoptUserLocale(locale: string | null | undefined) {
  if (localStorage.getItem(LOCALE_KEY)) return
  if (locale === 'en' || locale === 'zh-CN') setLocale(locale)
}

/** Clears everything session-bound; used by logout and by an expired token (401). */
export function endSession(): void {
  useAuthStore().reset()
  useDictStore().reset()
  useTabsStore().closeAll()
  removeMenuRoutes()
}

/** 401 from any API call: forget the session and go to login, coming back here afterwards. */
export function installSessionExpiry(router: Router): void {
  httpHooks.onUnauthorized = () => {
    endSession()
    const current = router.currentRoute.value
    // During the first navigation the guard itself redirects (it knows the target URL).
    if (current === START_LOCATION || current.name === LOGIN_ROUTE) return
    router.replace({ name: LOGIN_ROUTE, query: { redirect: current.fullPath } })
  }
}

/**
 * 403 PASSWORD_CHANGE_REQUIRED from any API call: the session may only change its
 * password (e.g. another tab signed in again and the shared token is now a
 * restricted one). /api/me is stale, so the guard reloads it on the way.
 */
export function installPasswordChangeRedirect(router: Router): void {
  httpHooks.onPasswordChangeRequired = () => {
    const current = router.currentRoute.value
    // During the first navigation the guard decides; on the form or at login there is nowhere to go.
    if (
      current === START_LOCATION ||
      current.name === LOGIN_ROUTE ||
      current.name === CHANGE_PASSWORD_ROUTE
    )
      return
    useAuthStore().loaded = false
    router.replace({ name: CHANGE_PASSWORD_ROUTE, query: redirectQuery(current.fullPath) })
  }
}
