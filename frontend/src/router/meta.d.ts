import 'vue-router'
import type { Localized } from '@/i18n'

declare module 'vue-router' {
  interface RouteMeta {
    /** Login and other pages reachable without a token. */
    public?: boolean
    /** Menu name (menu routes) … */
    title?: Localized
    /** … or an i18n key (shell routes). */
    titleKey?: string
    menuCode?: string
    page?: string | null
    icon?: string | null
  }
}
