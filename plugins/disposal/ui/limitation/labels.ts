/*
| Labels of the 时效管理 console (zh-CN first, en switchable). Statuses, event types
| and effects render through the plugin's dictionaries (DictTag); these are the
| texts that are not codes.
*/
import type { Localized } from '@/i18n'

export { tr, label } from '../interest/labels'

export const DICT = {
  eventType: 'disposal_limitation_event_type',
  status: 'disposal_limitation_status',
  effect: 'disposal_limitation_effect',
} as const

/** Event types whose form needs an end date, and what that date means. */
export const END_DATE_LABEL: Record<string, Localized> = {
  suspension: { zh: '障碍消除日（未消除留空）', en: 'Obstacle ended (blank if not yet)' },
  judgment: { zh: '履行期限届满日', en: 'Last day of performance' },
}

export const PROOF_HINT: Record<string, Localized> = {
  collection: {
    zh: '催收通知书编号 / 回执 / 公证书',
    en: 'Notice no. / receipt / notarial certificate',
  },
  acknowledgement: { zh: '还款承诺书、对账确认书编号', en: 'Acknowledgement document no.' },
  lawsuit: { zh: '案号', en: 'Case no.' },
  arbitration: { zh: '仲裁案号', en: 'Arbitration case no.' },
  suspension: { zh: '证明材料编号', en: 'Evidence ref.' },
  judgment: { zh: '判决书 / 裁决书案号', en: 'Judgment case no.' },
  enforcement_application: { zh: '执行案号', en: 'Enforcement case no.' },
  guarantor_claim: { zh: '向保证人送达的通知书编号', en: 'Notice to guarantor no.' },
}
