/*
| Navigation rules: public routes (login) pass; no token → /login?redirect=…;
| first navigation with a token loads /api/me, installs the menu routes and the
| dictionaries, then re-resolves the URL (it may be a menu route that did not exist
| a moment ago).
*/
import { START_LOCATION, type Router } from 'vue-router'
import { ApiError, httpHooks } from '@/api/http'
import { LOCALE_KEY, setLocale } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { useDictStore } from '@/stores/dict'
import { useTabsStore } from '@/stores/tabs'
import { installMenuRoutes, removeMenuRoutes } from './dynamic'

export const LOGIN_ROUTE = 'login'

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    const auth = useAuthStore()
    if (!auth.token) return { name: LOGIN_ROUTE, query: { redirect: to.fullPath } }
    if (auth.loaded) return true

    try {
      await auth.loadMe()
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) auth.reset()
      return { name: LOGIN_ROUTE, query: { redirect: to.fullPath } }
    }
    adoptUserLocale(auth.user?.locale)
    installMenuRoutes(router, auth.menus)
    // Pages render codes until dictionaries arrive; a failure here must not block sign-in.
    useDictStore()
      .load()
      .catch(() => {})
    return to.fullPath
  })

  installSessionExpiry(router)
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
