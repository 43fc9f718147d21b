/* Typed reads of this plugin's business parameters (参数管理). */
import { settings } from '#core/settings/settings'

export const creditParameters = {
  /** 移交: overdue more than this many days → risk asset. */
  handoverOverdueDays: () => settings.integer('credit-assets.handover.overdueDays'),
  /** 技术性逾期: overdue up to this many days does not yet force 关注. */
  technicalDelayDays: () => settings.integer('credit-assets.floor.technicalDelayDays'),
}
