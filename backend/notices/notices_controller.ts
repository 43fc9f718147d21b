import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { audienceOptions } from '#core/notices/audience'
import { NoticeError } from '#core/notices/notice_error'
import * as notices from '#core/notices/notice_service'
import * as mine from '#core/notices/my_notices'
import {
  myNoticeListValidator,
  noticeDraftValidator,
  noticeListValidator,
  noticePublishValidator,
} from '#core/notices/validators'

const idOf = (ctx: HttpContext) => Number(ctx.params.id)

/**
 * 通知公告 management (/api/system/notices, `system:notice:*`). Every state
 * change is audited; a refused publish is audited too, as it may be an attempt
 * to reach people outside the publisher's scope.
 */
export default class NoticesController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(noticeListValidator)
    return notices.listNotices(await accessOf(ctx), filters)
  }

  async show(ctx: HttpContext) {
    return notices.showNotice(await accessOf(ctx), idOf(ctx))
  }

  async audienceOptions(ctx: HttpContext) {
    return audienceOptions(await accessOf(ctx))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(noticeDraftValidator)
    const access = await accessOf(ctx)
    const { id, after } = await notices.createDraft(access, input)
    await audit.record(ctx, {
      action: 'notice.create',
      entityType: 'notice',
      entityId: id,
      after,
    })
    ctx.response.status(201)
    return notices.showNotice(access, id)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(noticeDraftValidator)
    const access = await accessOf(ctx)
    const id = idOf(ctx)
    const { before, after } = await notices.updateDraft(access, id, input)
    await audit.record(ctx, {
      action: 'notice.update',
      entityType: 'notice',
      entityId: id,
      before,
      after,
    })
    return notices.showNotice(access, id)
  }

  async publish(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(noticePublishValidator)
    const access = await accessOf(ctx)
    const id = idOf(ctx)
    try {
      const { before, after } = await notices.publishNotice(access, id, input)
      await audit.record(ctx, {
        action: 'notice.publish',
        entityType: 'notice',
        entityId: id,
        before,
        after,
      })
    } catch (error) {
      if (error instanceof NoticeError && error.status === 422)
        await audit.record(ctx, {
          action: 'notice.publish',
          entityType: 'notice',
          entityId: id,
          result: 'failure',
          after: { audience: input.audience, targets: input.targets ?? [] },
          detail: error.key,
        })
      throw error
    }
    return notices.showNotice(access, id)
  }

  async revoke(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idOf(ctx)
    const { before, after } = await notices.revokeNotice(access, id)
    await audit.record(ctx, {
      action: 'notice.revoke',
      entityType: 'notice',
      entityId: id,
      before,
      after,
    })
    return notices.showNotice(access, id)
  }

  async destroy(ctx: HttpContext) {
    const id = idOf(ctx)
    const { before } = await notices.deleteDraft(await accessOf(ctx), id)
    await audit.record(ctx, {
      action: 'notice.delete',
      entityType: 'notice',
      entityId: id,
      before,
    })
    return ctx.response.noContent()
  }

  /* ---- 我的通知: any signed-in user, only notices addressed to them ---- */

  async mine(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(myNoticeListValidator)
    return mine.listMyNotices(await accessOf(ctx), filters)
  }

  async myUnreadCount(ctx: HttpContext) {
    return { unread: await mine.unreadCount(await accessOf(ctx)) }
  }

  async showMine(ctx: HttpContext) {
    return mine.showMyNotice(await accessOf(ctx), idOf(ctx))
  }

  async markRead(ctx: HttpContext) {
    return mine.markRead(await accessOf(ctx), idOf(ctx))
  }

  async markAllRead(ctx: HttpContext) {
    return mine.markAllRead(await accessOf(ctx))
  }
}
