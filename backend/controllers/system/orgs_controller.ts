import type { HttpContext } from '@adonisjs/core/http'
import { createOrgValidator, updateOrgValidator } from '#core/validators/organization'
import { actorOf } from '#core/services/organization/actor'
import { respond } from '#core/services/organization/errors'
import { orgService } from '#core/services/organization/org_service'
import { idParam } from '#core/services/organization/scope'

/** 机构管理: the org tree within the caller's data scope; rules in services/organization/org_service. */
export default class OrgsController {
  async tree(ctx: HttpContext) {
    return orgService.tree(await actorOf(ctx))
  }

  async show(ctx: HttpContext) {
    return respond(ctx, async () => orgService.show(await actorOf(ctx), idParam(ctx.params.id)))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createOrgValidator)
    return respond(ctx, async () => {
      ctx.response.status(201)
      return orgService.create(await actorOf(ctx), input)
    })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateOrgValidator)
    return respond(ctx, async () =>
      orgService.update(await actorOf(ctx), idParam(ctx.params.id), input)
    )
  }

  async destroy(ctx: HttpContext) {
    return respond(ctx, async () => {
      await orgService.destroy(await actorOf(ctx), idParam(ctx.params.id))
      return ctx.response.noContent()
    })
  }
}
