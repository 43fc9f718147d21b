/*
| Shared building blocks of the plugin manifest types (labels in both console languages).
*/

/** A label in both console languages. zh-CN is the default UI language. */
export interface Localized {
  zh: string
  en: string
}
