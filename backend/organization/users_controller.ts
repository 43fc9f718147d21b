import type { HttpContext } from '@adonisjs/core/http'
import {
  createUserValidator,
  deleteUserValidator,
  departmentOptionsValidator,
  listUsersValidator,
  resetPasswordValidator,
  updateUserValidator,
  userStatusValidator,
} from '#core/organization/validators'
import { actorOf } from '#core/organization/actor'
import { departmentService } from '#core/organization/department_service'
import { idParam } from '#core/organization/scope'
import { userQueries } from '#core/organization/user_queries'
import { userService } from '#core/organization/user_service'

/** 用户管理, data-scoped: a branch manager sees and manages their subtree's staff only. */
export default class UsersController {
  async index(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(listUsersValidator)
    return userQueries.list(await actorOf(ctx), query)
  }

  /** Org tree, posts and roles (marked assignable or not) for the user editor. */
  async options(ctx: HttpContext) {
    return userQueries.options(await actorOf(ctx))
  }

  async departmentOptions(ctx: HttpContext) {
    const { orgId } = await ctx.request.validateUsing(departmentOptionsValidator)
    return departmentService.options(await actorOf(ctx), orgId)
  }

  async show(ctx: HttpContext) {
    return userQueries.show(await actorOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createUserValidator)
    return pendingOr(ctx, await userService.create(await actorOf(ctx), input), 201)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateUserValidator)
    return pendingOr(
      ctx,
      await userService.update(await actorOf(ctx), idParam(ctx.params.id), input)
    )
  }

  async status(ctx: HttpContext) {
    const { status } = await ctx.request.validateUsing(userStatusValidator)
    return userService.setStatus(await actorOf(ctx), idParam(ctx.params.id), status)
  }

  async resetPassword(ctx: HttpContext) {
    const { password } = await ctx.request.validateUsing(resetPasswordValidator)
    await userService.resetPassword(await actorOf(ctx), idParam(ctx.params.id), password)
    return ctx.response.noContent()
  }

  async destroy(ctx: HttpContext) {
    const { hard } = await ctx.request.validateUsing(deleteUserValidator)
    await userService.destroy(await actorOf(ctx), idParam(ctx.params.id), hard ?? false)
    return ctx.response.noContent()
  }
}

/**
 * 202 with the message and change ids when part of the save (privileged roles,
 * an org move) waits for a second administrator; the rest was saved.
 */
function pendingOr(ctx: HttpContext, user: object, status = 200) {
  if ('pendingChangeIds' in user) {
    return ctx.response.status(202).send({ ...user, message: ctx.i18n('fourEyes.pending') })
  }
  ctx.response.status(status)
  return user
}
