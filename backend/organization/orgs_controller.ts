import type { HttpContext } from '@adonisjs/core/http'
import { createOrgValidator, updateOrgValidator } from '#core/organization/validators'
import { actorOf } from '#core/organization/actor'
import { orgService } from '#core/organization/org_service'
import { idParam } from '#core/organization/scope'

/** 机构管理: the org tree within the caller's data scope; rules in org_service.ts. */
export default class OrgsController {
  async tree(ctx: HttpContext) {
    return orgService.tree(await actorOf(ctx))
  }

  async show(ctx: HttpContext) {
    return orgService.show(await actorOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createOrgValidator)
    ctx.response.status(201)
    return orgService.create(await actorOf(ctx), input)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateOrgValidator)
    return orgService.update(await actorOf(ctx), idParam(ctx.params.id), input)
  }

  async destroy(ctx: HttpContext) {
    await orgService.destroy(await actorOf(ctx), idParam(ctx.params.id))
    return ctx.response.noContent()
  }
}
