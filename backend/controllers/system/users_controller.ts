import type { HttpContext } from '@adonisjs/core/http'
import {
  createUserValidator,
  deleteUserValidator,
  departmentOptionsValidator,
  listUsersValidator,
  resetPasswordValidator,
  updateUserValidator,
  userStatusValidator,
} from '#core/validators/organization'
import { actorOf } from '#core/services/organization/actor'
import { respond } from '#core/services/organization/errors'
import { departmentService } from '#core/services/organization/department_service'
import { idParam } from '#core/services/organization/scope'
import { userQueries } from '#core/services/organization/user_queries'
import { userService } from '#core/services/organization/user_service'

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
    return respond(ctx, async () => departmentService.options(await actorOf(ctx), orgId))
  }

  async show(ctx: HttpContext) {
    return respond(ctx, async () => userQueries.show(await actorOf(ctx), idParam(ctx.params.id)))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createUserValidator)
    return respond(ctx, async () => {
      ctx.response.status(201)
      return userService.create(await actorOf(ctx), input)
    })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateUserValidator)
    return respond(ctx, async () =>
      userService.update(await actorOf(ctx), idParam(ctx.params.id), input)
    )
  }

  async status(ctx: HttpContext) {
    const { status } = await ctx.request.validateUsing(userStatusValidator)
    return respond(ctx, async () =>
      userService.setStatus(await actorOf(ctx), idParam(ctx.params.id), status)
    )
  }

  async resetPassword(ctx: HttpContext) {
    const { password } = await ctx.request.validateUsing(resetPasswordValidator)
    return respond(ctx, async () => {
      await userService.resetPassword(await actorOf(ctx), idParam(ctx.params.id), password)
      return ctx.response.noContent()
    })
  }

  async destroy(ctx: HttpContext) {
    const { hard } = await ctx.request.validateUsing(deleteUserValidator)
    return respond(ctx, async () => {
      await userService.destroy(await actorOf(ctx), idParam(ctx.params.id), hard ?? false)
      return ctx.response.noContent()
    })
  }
}
