/*
| 系统提示管理: administrators' texts for server messages, by message key (the
| keys of backend/i18n/messages.ts, `validation.<rule>` for VineJS rules, and
| free `console.<name>` keys the console may fetch). translate() and the VineJS
| messages provider read them synchronously from this copy — no query per
| message. A language left empty keeps that language's default text.
*/
import db from '@adonisjs/lucid/services/db'
import { appCache } from '#core/cache/app_caches'

export interface PromptOverride {
  zh: string | null
  en: string | null
}

export type PromptOverrides = Map<string, PromptOverride>

export const promptsCache = appCache<PromptOverrides>(
  'prompts',
  async () => {
    const rows = await db.from('message_overrides').select('key', 'text_zh', 'text_en')
    return new Map(
      rows.map((r) => [r.key as string, { zh: r.text_zh || null, en: r.text_en || null }])
    )
  },
  new Map()
)

/** The administrator's text for `key` in `locale`, if there is one. */
export function promptOverride(locale: 'zh-CN' | 'en', key: string): string | undefined {
  const override = promptsCache.peek()?.get(key)
  if (!override) return undefined
  return (locale === 'en' ? override.en : override.zh) ?? undefined
}
