import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { outbox } from '#core/connectors/outbox'
import { listOutbox, toMessage } from '#core/connectors/outbox_query'
import { outboxListValidator } from '#core/connectors/validators'

/**
 * 外发消息 (/api/system/outbox, `system:outbox:*`): the money-changing calls
 * waiting for, or given up on, delivery. An operator may send a dead message
 * again (after fixing the cause); the receiver dedupes by its idempotency key,
 * so a retry cannot double a posting.
 */
export default class OutboxController {
  async index(ctx: HttpContext) {
    return listOutbox(
      await ctx.request.validateUsing(outboxListValidator, { data: ctx.request.qs() })
    )
  }

  async retry(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const before = Number.isSafeInteger(id)
      ? await db.from('outbox_messages').where('id', id).first()
      : null
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    if (!(await outbox.retryDead(id))) {
      await audit.record(ctx, {
        action: 'outbox.retry',
        entityType: 'outbox_message',
        entityId: id,
        result: 'failure',
        detail: `status ${before.status}`,
      })
      return ctx.response.conflict({
        message: ctx.i18n('connectors.notDead'),
        code: 'connectors.notDead',
      })
    }
    await audit.record(ctx, {
      action: 'outbox.retry',
      entityType: 'outbox_message',
      entityId: id,
      before: { status: before.status, attempts: before.attempts },
      after: { status: 'pending', attempts: 0 },
      detail: before.idempotency_key,
    })
    return toMessage(await db.from('outbox_messages').where('id', id).first())
  }
}
