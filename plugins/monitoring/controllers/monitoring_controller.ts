import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { queue } from '#core/queue/queue'
import { refuseUnknown, refuseUnknownFields } from '#core/validation/unknown_fields'
import { confirmLawsuit, customerAlerts } from '../services/alerts.js'
import { applyMaster, compareMaster } from '../services/customer_master.js'
import { MASTER_CHANGE_FIELDS, masterValidator, pullValidator } from '../validators/monitoring.js'

/*
| 全方位动态监测 routes. Everything hangs off a customer in the caller's data
| scope (credit-assets' book service; out of scope = 404), alerts included.
| A refusal (MonitoringError) is answered by the exception handler.
*/
const customerIdOf = (ctx: HttpContext) => Number(ctx.params.customerId)

export default class MonitoringController {
  async alerts(ctx: HttpContext) {
    return { data: await customerAlerts(await accessOf(ctx), customerIdOf(ctx)) }
  }

  async confirmLimitation(ctx: HttpContext) {
    refuseUnknownFields(ctx, [])
    const result = await confirmLawsuit(
      await accessOf(ctx),
      ctx,
      customerIdOf(ctx),
      Number(ctx.params.id)
    )
    await audit.record(ctx, {
      action: 'monitoring.alert.limitation',
      entityType: 'monitoring_alert',
      entityId: result.alert.id,
      after: {
        alertNo: result.alert.alertNo,
        caseNo: result.alert.detail.caseNo,
        loans: result.events.map((e) => e.loanId),
      },
    })
    return result
  }

  /** Queues the pull of a business date (default: today and yesterday); 202 `{ jobId }`. */
  async pull(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['businessDate'])
    const input = await ctx.request.validateUsing(pullValidator)
    const user = ctx.auth.getUserOrFail()
    const jobId = await queue.dispatch('monitoring:pull-alerts', input, { userId: user.id })
    await audit.record(ctx, {
      action: 'monitoring.alert.pull',
      entityType: 'monitoring_alert',
      detail: JSON.stringify(input),
    })
    return ctx.response.accepted({ jobId })
  }

  async master(ctx: HttpContext) {
    return compareMaster(await accessOf(ctx), customerIdOf(ctx))
  }

  async applyMaster(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['changes'])
    refuseUnknown(ctx.request.body().changes, MASTER_CHANGE_FIELDS)
    const { changes } = await ctx.request.validateUsing(masterValidator)
    const result = await applyMaster(await accessOf(ctx), customerIdOf(ctx), changes)
    await audit.record(ctx, {
      action: 'monitoring.master.apply',
      entityType: 'customer',
      entityId: result.customerId,
      before: result.before,
      after: result.after,
    })
    return result
  }
}
