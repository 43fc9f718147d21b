/*
| 参数管理 and 插件管理 reads: the rows the registry controller shows. Writes go through
| settings/update_setting.ts (typed, frozen-aware) and the four-eyes freeze change.
*/
import db from '@adonisjs/lucid/services/db'
import { settingCategory } from '#core/settings/setting_category'
import { isFrozen, type SettingRow } from '#core/settings/update_setting'

export const settingJson = (r: SettingRow & { updated_at?: unknown }) => ({
  key: r.key,
  name: { zh: r.name_zh, en: r.name_en },
  type: r.type,
  category: settingCategory(r.key, r.category),
  defaultValue: r.default_value,
  value: r.value,
  frozen: isFrozen(r),
  source: r.source,
  updatedAt: r.updated_at ?? null,
})

/** Active parameters by key, optionally one category (业务参数 / 技术参数). */
export async function listSettings(category?: 'business' | 'technical') {
  const rows = await db.from('settings').where('active', true).orderBy('key')
  return rows.map(settingJson).filter((s) => !category || s.category === category)
}

/** One active parameter's row, or null. */
export async function findActiveSetting(key: string): Promise<SettingRow | null> {
  return (await db.from('settings').where('key', key).where('active', true).first()) ?? null
}

/** 插件管理: installed plugins, active first, in load order. */
export async function listInstalledPlugins() {
  const rows = await db.from('installed_plugins').orderBy('active', 'desc').orderBy('load_order')
  return rows.map((r) => ({
    id: r.id,
    name: { zh: r.name_zh, en: r.name_en },
    version: r.version,
    dependsOn: JSON.parse(r.depends_on),
    active: Boolean(Number(r.active)),
    loadOrder: r.load_order,
  }))
}
