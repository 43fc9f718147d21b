/*
| 冻结 / 解冻 a parameter as a four-eyes change kind, `setting.frozen`: when the
| parameter `system.fourEyes.kinds` lists it (the default does), a freeze or an
| unfreeze waits for a second administrator; otherwise it applies at once. Either
| way the same function applies it. Imported at boot (backend/registry/ready.ts)
| so an approval in a fresh process finds the kind.
*/
import { fourEyes } from '#core/four_eyes/four_eyes'
import { setSettingFrozen } from './update_setting.js'

export const SETTING_FROZEN_KIND = 'setting.frozen'

export interface SettingFrozenChange {
  key: string
  frozen: boolean
}

fourEyes.register<SettingFrozenChange>(SETTING_FROZEN_KIND, {
  name: { zh: '冻结 / 解冻参数', en: 'Freeze or unfreeze a parameter' },
  async apply(trx, payload, requestedBy) {
    const result = await setSettingFrozen(payload.key, payload.frozen, requestedBy, trx)
    if (result.status === 'notFound') throw new Error(`parameter ${payload.key} no longer exists`)
    return result
  },
})
