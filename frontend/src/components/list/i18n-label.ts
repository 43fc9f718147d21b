/* A console i18n key as a Localized pair, for schemas (ListPage / CrudPage columns) of core pages. */
import { i18n, type Localized } from '@/i18n'

export function localeOf(key: string): Localized {
  const t = i18n.global.t as (key: string, named: object, options: { locale: string }) => string
  return { zh: t(key, {}, { locale: 'zh-CN' }), en: t(key, {}, { locale: 'en' }) }
}
