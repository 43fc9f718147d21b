import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import {
  changeSettingValue,
  setSettingFrozen,
  type SettingRow,
} from '#core/settings/update_setting'
import { SETTING_FROZEN_KIND, type SettingFrozenChange } from '#core/settings/freeze_change'
import { fourEyes } from '#core/four_eyes/four_eyes'
import {
  settingFreezeValidator,
  settingListValidator,
  settingValueValidator,
} from '#core/registry/validators'
import {
  findActiveSetting,
  listInstalledPlugins,
  listSettings,
  settingJson,
} from '#core/registry/setting_rows'

/** 插件管理 and 参数管理 (业务参数 / 技术参数; the category rule is in settings/setting_category.ts). */
export default class RegistryController {
  async plugins() {
    return listInstalledPlugins()
  }

  /** GET /api/system/settings[?category=business|technical] */
  async settings({ request }: HttpContext) {
    const { category } = await request.validateUsing(settingListValidator)
    return listSettings(category)
  }

  /** PUT /api/system/settings/:key `{ value }` — typed, refused while frozen, audited. */
  async updateSetting(ctx: HttpContext) {
    const { params, request, response, i18n, auth } = ctx
    const { value } = await request.validateUsing(settingValueValidator)
    const result = await changeSettingValue(params.key, value, auth.user?.id ?? null)
    if (result.status === 'notFound') return response.notFound({ message: i18n('http.notFound') })
    if (result.status === 'frozen') {
      await audit.record(ctx, {
        action: 'setting.update',
        entityType: 'setting',
        entityId: params.key,
        result: 'failure',
        detail: 'frozen',
      })
      return response.conflict({
        message: i18n('registry.setting.frozen', { name: displayName(ctx, result.setting) }),
      })
    }
    if (result.status === 'invalid') {
      return response.unprocessableEntity({
        message: i18n('validation.failed'),
        errors: [
          { field: 'value', rule: 'settingType', message: i18n(result.message, result.data) },
        ],
      })
    }
    await audit.record(ctx, {
      action: 'setting.update',
      entityType: 'setting',
      entityId: params.key,
      before: { value: result.before },
      after: { value: result.after },
    })
    return settingJson(result.setting)
  }

  /**
   * PUT /api/system/settings/:key/freeze `{ frozen }` — 冻结 / 解冻. A four-eyes
   * change kind: 200 with the parameter when it applies at once, 202 with the
   * pending change when a second administrator must approve it.
   */
  async freezeSetting(ctx: HttpContext) {
    const { params, request, response, i18n } = ctx
    const { frozen } = await request.validateUsing(settingFreezeValidator)
    const setting = await findActiveSetting(params.key)
    if (!setting) return response.notFound({ message: i18n('http.notFound') })
    const payload: SettingFrozenChange = { key: setting.key, frozen }
    const summary = `${frozen ? '冻结' : '解冻'}参数 ${setting.name_zh}（${setting.key}）`
    const outcome = await fourEyes.submit(ctx, SETTING_FROZEN_KIND, payload, summary)
    if (!outcome.applied) {
      return response.accepted({
        pending: true,
        changeId: outcome.changeId,
        message: i18n('fourEyes.pending'),
      })
    }
    const result = outcome.result as Awaited<ReturnType<typeof setSettingFrozen>>
    if (result.status === 'notFound') return response.notFound({ message: i18n('http.notFound') })
    await audit.record(ctx, {
      action: frozen ? 'setting.freeze' : 'setting.unfreeze',
      entityType: 'setting',
      entityId: setting.key,
      before: { frozen: result.before },
      after: { frozen },
    })
    return settingJson(result.setting)
  }
}

const displayName = (ctx: HttpContext, row: SettingRow) =>
  ctx.locale === 'en' ? row.name_en : row.name_zh
