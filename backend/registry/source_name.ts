import db from '@adonisjs/lucid/services/db'
import type { Bilingual } from '#core/plugins/rule_error'
import { translate } from '#core/i18n/messages'

/**
 * "the core" or `plugin "贷款备注"` in both languages, for refusals that say who
 * declared something (the caller's language is picked when the error is answered).
 */
export async function sourceName(source: string): Promise<Bilingual> {
  if (source === 'system') {
    return {
      zh: translate('zh-CN', 'registry.source.core'),
      en: translate('en', 'registry.source.core'),
    }
  }
  const plugin = await db.from('installed_plugins').where('id', source).first()
  return {
    zh: translate('zh-CN', 'registry.source.plugin', { name: plugin?.name_zh ?? source }),
    en: translate('en', 'registry.source.plugin', { name: plugin?.name_en ?? source }),
  }
}
