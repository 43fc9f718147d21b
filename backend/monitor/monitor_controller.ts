import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { accessOf } from '#core/identity/user_access'
import { refuseUnknown } from '#core/validation/unknown_fields'
import { MAX_DAYS, usageRangeValidator } from './monitor_validator.js'
import { usageFigures } from './usage_figures.js'

/** GET /api/system/monitor/usage?from=&to= — the 数据监控 page's figures. */
export default class MonitorController {
  async usage(ctx: HttpContext) {
    refuseUnknown(ctx.request.qs(), ['from', 'to'])
    const range = await ctx.request.validateUsing(usageRangeValidator, { data: ctx.request.qs() })
    const span = DateTime.fromISO(range.to).diff(DateTime.fromISO(range.from), 'days').days
    if (span < 0 || span >= MAX_DAYS) {
      const message =
        span < 0
          ? ctx.i18n('monitor.rangeReversed')
          : ctx.i18n('monitor.rangeTooLong', { days: MAX_DAYS })
      return ctx.response.unprocessableEntity({
        message: ctx.i18n('validation.failed'),
        errors: [{ field: 'to', rule: 'range', message }],
      })
    }
    return usageFigures(range, await accessOf(ctx))
  }
}
