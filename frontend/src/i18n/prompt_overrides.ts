/*
| 系统提示管理 overrides of the console's own texts. An administrator saves a
| text under `console.<path>` (e.g. `console.common.saved`); after sign-in the
| console fetches every override (GET /api/prompts) and lays the `console.*`
| ones over its built-in messages at <path>, per language. Server message keys
| are overridden on the server, which already answers in the chosen text.
*/
import { fetchPromptTexts } from '@/areas/registry/api'
import { i18n, type AppLocale } from './index'

type Texts = Record<string, { zh: string | null; en: string | null }>

const PREFIX = 'console.'

/** Lays the `console.*` texts over the console's messages; returns how many keys applied. */
export function applyPromptOverrides(texts: Texts): number {
  let applied = 0
  for (const [key, text] of Object.entries(texts)) {
    if (!key.startsWith(PREFIX) || key.length === PREFIX.length) continue
    const path = key.slice(PREFIX.length)
    for (const [locale, value] of [
      ['zh-CN', text.zh],
      ['en', text.en],
    ] as Array<[AppLocale, string | null]>) {
      if (!value) continue
      i18n.global.mergeLocaleMessage(locale, nested(path, value))
      applied++
    }
  }
  return applied
}

/** 'common.saved' + text → { common: { saved: text } }, as vue-i18n merges messages. */
function nested(path: string, value: string): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, part) => ({ [part]: inner }), value) as Record<string, unknown>
}

/** Fetches and applies the overrides; a failure keeps the built-in texts (never blocks sign-in). */
export async function loadPromptOverrides(): Promise<void> {
  try {
    applyPromptOverrides(await fetchPromptTexts())
  } catch {
    // The built-in texts stay; the next sign-in tries again.
  }
}
