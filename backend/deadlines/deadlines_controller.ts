import type { HttpContext } from '@adonisjs/core/http'
import { listMyDeadlines } from '#core/deadlines/my_deadlines'
import { myDeadlineListValidator } from '#core/deadlines/validators'

/** 时效提醒 for the home page: the caller's own coming and overdue deadlines. */
export default class DeadlinesController {
  async mine(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(myDeadlineListValidator)
    return listMyDeadlines(ctx.auth.user!.id, filters)
  }
}
