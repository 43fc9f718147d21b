import { dbNow } from '#core/support/db_time'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import vine from '@vinejs/vine'

/** A parameter's value must parse as its declared type before it is stored. */
export function settingValueIsValid(type: string, value: string) {
  switch (type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value)
    case 'boolean':
      return value === 'true' || value === 'false'
    case 'amount':
      return /^-?\d{1,16}(\.\d{1,2})?$/.test(value)
    case 'json':
      try {
        JSON.parse(value)
        return true
      } catch {
        return false
      }
    default:
      return true
  }
}

const settingValidator = vine.compile(vine.object({ value: vine.string().maxLength(4000) }))

/** 数据字典, 插件管理 and 参数管理 views of what core and plugins declared. */
export default class RegistryController {
  async dictionaries() {
    const types = await db
      .from('dict_types')
      .where('active', true)
      .orderBy('source')
      .orderBy('code')
    const items = await db.from('dict_items').orderBy('sort')
    return types.map((t) => ({
      code: t.code,
      name: { zh: t.name_zh, en: t.name_en },
      source: t.source,
      items: items
        .filter((i) => i.type_code === t.code)
        .map((i) => ({
          code: i.code,
          label: { zh: i.custom_label_zh ?? i.label_zh, en: i.custom_label_en ?? i.label_en },
          sort: i.custom_sort ?? i.sort,
          color: i.color,
          enabled: Boolean(Number(i.enabled)),
          origin: i.origin,
        })),
    }))
  }

  async plugins() {
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

  async settings() {
    const rows = await db.from('settings').where('active', true).orderBy('key')
    return rows.map((r) => ({
      key: r.key,
      name: { zh: r.name_zh, en: r.name_en },
      type: r.type,
      defaultValue: r.default_value,
      value: r.value,
      frozen: Boolean(Number(r.frozen)),
      source: r.source,
    }))
  }

  async updateSetting({ params, request, response, i18n }: HttpContext) {
    const { value } = await request.validateUsing(settingValidator)
    const setting = await db.from('settings').where('key', params.key).where('active', true).first()
    if (!setting) return response.notFound({ message: i18n('http.notFound') })
    if (!settingValueIsValid(setting.type, value)) {
      return response.unprocessableEntity({
        message: i18n('validation.failed'),
        errors: [{ field: 'value', rule: 'settingType', message: i18n('settings.invalidValue', { type: setting.type }) }],
      })
    }
    await db.from('settings').where('key', params.key).update({ value, updated_at: dbNow() })
    return { key: params.key, value }
  }
}
