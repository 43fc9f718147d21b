import type { HttpContext } from '@adonisjs/core/http'
import {
  createPostValidator,
  listPostsValidator,
  updatePostValidator,
} from '#core/organization/validators'
import { actorOf } from '#core/organization/actor'
import { postService } from '#core/organization/post_service'
import { idParam } from '#core/organization/scope'

/** 岗位管理: bank-wide posts (no data scope: a post belongs to no org). */
export default class PostsController {
  async index(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(listPostsValidator)
    return postService.list(await actorOf(ctx), query)
  }

  async show(ctx: HttpContext) {
    return postService.show(await actorOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createPostValidator)
    ctx.response.status(201)
    return postService.create(await actorOf(ctx), input)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updatePostValidator)
    return postService.update(await actorOf(ctx), idParam(ctx.params.id), input)
  }

  async destroy(ctx: HttpContext) {
    await postService.destroy(await actorOf(ctx), idParam(ctx.params.id))
    return ctx.response.noContent()
  }
}
