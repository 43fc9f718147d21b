import type { HttpContext } from '@adonisjs/core/http'
import {
  createPostValidator,
  listPostsValidator,
  updatePostValidator,
} from '#core/validators/organization'
import { actorOf } from '#core/services/organization/actor'
import { respond } from '#core/services/organization/errors'
import { postService } from '#core/services/organization/post_service'
import { idParam } from '#core/services/organization/scope'

/** 岗位管理: bank-wide posts (no data scope: a post belongs to no org). */
export default class PostsController {
  async index(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(listPostsValidator)
    return postService.list(await actorOf(ctx), query)
  }

  async show(ctx: HttpContext) {
    return respond(ctx, async () => postService.show(await actorOf(ctx), idParam(ctx.params.id)))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createPostValidator)
    return respond(ctx, async () => {
      ctx.response.status(201)
      return postService.create(await actorOf(ctx), input)
    })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updatePostValidator)
    return respond(ctx, async () =>
      postService.update(await actorOf(ctx), idParam(ctx.params.id), input)
    )
  }

  async destroy(ctx: HttpContext) {
    return respond(ctx, async () => {
      await postService.destroy(await actorOf(ctx), idParam(ctx.params.id))
      return ctx.response.noContent()
    })
  }
}
