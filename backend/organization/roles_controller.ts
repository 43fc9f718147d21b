import type { HttpContext } from '@adonisjs/core/http'
import {
  createRoleValidator,
  dataScopeValidator,
  grantPermissionsValidator,
  listRolesValidator,
  updateRoleValidator,
} from '#core/organization/validators'
import { actorOf } from '#core/organization/actor'
import { roleService } from '#core/organization/role_service'
import { idParam } from '#core/organization/scope'

/** 角色管理, 功能权限分配 and 数据权限分配; every change passes backend/identity/grant_guard. */
export default class RolesController {
  async index(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(listRolesValidator)
    return roleService.list(await actorOf(ctx), query)
  }

  async show(ctx: HttpContext) {
    return roleService.show(await actorOf(ctx), idParam(ctx.params.id))
  }

  /** The orgs a custom data scope may list: those the caller sees. */
  async orgTree(ctx: HttpContext) {
    return roleService.orgTree(await actorOf(ctx))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createRoleValidator)
    ctx.response.status(201)
    return roleService.create(await actorOf(ctx), input)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateRoleValidator)
    return roleService.update(await actorOf(ctx), idParam(ctx.params.id), input)
  }

  async destroy(ctx: HttpContext) {
    await roleService.destroy(await actorOf(ctx), idParam(ctx.params.id))
    return ctx.response.noContent()
  }

  async grant(ctx: HttpContext) {
    const { permissions } = await ctx.request.validateUsing(grantPermissionsValidator)
    return pendingOr(
      ctx,
      await roleService.grant(await actorOf(ctx), idParam(ctx.params.id), permissions)
    )
  }

  async dataScope(ctx: HttpContext) {
    const { dataScope, orgIds } = await ctx.request.validateUsing(dataScopeValidator)
    return pendingOr(
      ctx,
      await roleService.setDataScope(await actorOf(ctx), idParam(ctx.params.id), dataScope, orgIds)
    )
  }
}

/** 202 with the four-eyes change id when a second administrator must approve. */
function pendingOr(ctx: HttpContext, result: unknown) {
  if (result && typeof result === 'object' && 'pending' in result) {
    return ctx.response.status(202).send({ ...result, message: ctx.i18n('fourEyes.pending') })
  }
  return result
}
