import type { HttpContext } from '@adonisjs/core/http'
import {
  createDepartmentValidator,
  listDepartmentsValidator,
  updateDepartmentValidator,
} from '#core/organization/validators'
import { actorOf } from '#core/organization/actor'
import { departmentService } from '#core/organization/department_service'
import { orgTreeFor } from '#core/organization/org_service'
import { idParam } from '#core/organization/scope'

/** 部门管理: departments of the orgs in the caller's data scope. */
export default class DepartmentsController {
  async index(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(listDepartmentsValidator)
    return departmentService.list(await actorOf(ctx), query)
  }

  /** The org tree the department page filters and assigns by. */
  async orgTree(ctx: HttpContext) {
    return orgTreeFor((await actorOf(ctx)).access)
  }

  async show(ctx: HttpContext) {
    return departmentService.show(await actorOf(ctx), idParam(ctx.params.id))
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createDepartmentValidator)
    ctx.response.status(201)
    return departmentService.create(await actorOf(ctx), input)
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateDepartmentValidator)
    return departmentService.update(await actorOf(ctx), idParam(ctx.params.id), input)
  }

  async destroy(ctx: HttpContext) {
    await departmentService.destroy(await actorOf(ctx), idParam(ctx.params.id))
    return ctx.response.noContent()
  }
}
