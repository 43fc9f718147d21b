import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import {
  listMyMessages,
  markAllMessagesRead,
  markMessageRead,
  unreadMessageCount,
} from '#core/messages/my_messages'
import { preferencesOf, savePreferences } from '#core/messages/preferences'
import { myMessageListValidator, messagePreferencesValidator } from '#core/messages/validators'

/**
 * 消息中心 (/api/messages): the caller's own messages and preferences. No
 * permission code: see backend/messages/part.ts.
 */
export default class MessagesController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(myMessageListValidator)
    return listMyMessages(ctx.auth.user!.id, filters)
  }

  async unreadCount(ctx: HttpContext) {
    return { count: await unreadMessageCount(ctx.auth.user!.id) }
  }

  async markRead(ctx: HttpContext) {
    const found = await markMessageRead(ctx.auth.user!.id, Number(ctx.params.id))
    if (!found) return ctx.response.notFound({ message: ctx.i18n('messages.notFound') })
    return { count: await unreadMessageCount(ctx.auth.user!.id) }
  }

  async markAllRead(ctx: HttpContext) {
    const marked = await markAllMessagesRead(ctx.auth.user!.id)
    return { marked, count: 0 }
  }

  async preferences(ctx: HttpContext) {
    return { data: await preferencesOf(ctx.auth.user!.id) }
  }

  async updatePreferences(ctx: HttpContext) {
    const { muted } = await ctx.request.validateUsing(messagePreferencesValidator)
    const mutedBefore = (await preferencesOf(ctx.auth.user!.id))
      .filter((p) => p.muted.length)
      .map((p) => ({ type: p.type, channels: p.muted }))
    // An unknown type or a mandatory channel is a 422 on its field (RuleError, preferences.ts).
    await savePreferences(ctx.auth.user!.id, muted)
    // Muting a channel decides whether 时效 reminders reach a phone: worth a trace.
    await audit.record(ctx, {
      action: 'message.preferences_update',
      entityType: 'user',
      entityId: ctx.auth.user!.id,
      before: { muted: mutedBefore },
      after: { muted: muted.filter((m) => m.channels.length) },
    })
    return { data: await preferencesOf(ctx.auth.user!.id) }
  }
}
