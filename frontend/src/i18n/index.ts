/*
| Console language. zh-CN is the default; the choice persists in localStorage so the
| login page already speaks the user's language. The same locale drives the
| Accept-Language header, so server messages (validation, errors) match the UI.
*/
import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

/*
| Each console area keeps its texts in `areas/<area>/i18n.ts` (and `i18n-<topic>.ts`), a shared
| component beside it (`components/<name>/i18n.ts`), exporting
| `{ 'zh-CN': {...}, en: {...} }` under its own top-level key, so areas never
| edit one shared file.
*/
const parts = import.meta.glob<{ default: Record<'zh-CN' | 'en', Record<string, unknown>> }>(
  ['../areas/*/i18n*.ts', '../components/*/i18n.ts'],
  {
    eager: true,
  }
)
const merged = {
  'zh-CN': { ...zhCN } as Record<string, unknown>,
  'en': { ...en } as Record<string, unknown>,
}
for (const part of Object.values(parts)) {
  Object.assign(merged['zh-CN'], part.default['zh-CN'])
  Object.assign(merged.en, part.default.en)
}

export type AppLocale = 'zh-CN' | 'en'
export const LOCALE_KEY = 'ram.locale'
export const LOCALES: ReadonlyArray<{ value: AppLocale; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
]

/** A label in both languages, as the backend sends menu, dictionary and setting names. */
export interface Localized {
  zh: string
  en: string
}

function initialLocale(): AppLocale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_KEY)
  return saved === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: merged as any,
})

export const currentLocale = computed<AppLocale>(() => i18n.global.locale.value as AppLocale)

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

/** Picks the label for the current locale, falling back to Chinese (always present). */
export function localize(
  text: Localized | string | null | undefined,
  locale: AppLocale = currentLocale.value
): string {
  if (text === null || text === undefined) return ''
  if (typeof text === 'string') return text
  return (locale === 'en' ? text.en : text.zh) || text.zh || text.en || ''
}
