import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import * as saved from '#core/query/saved_queries'
import { savedListValidator, savedQueryValidator } from '#core/query/query_validators'
import type { SavedQueryInput } from '#core/query/saved_queries'

const idOf = (ctx: HttpContext) => Number(ctx.params.id)

/** 我的查询 (/api/query/saved): save, load, share with a role (audited). */
export default class QuerySavedController {
  async index(ctx: HttpContext) {
    const { dataset } = await ctx.request.validateUsing(savedListValidator)
    return { data: await saved.listSaved(await accessOf(ctx), dataset) }
  }

  async shareRoles(ctx: HttpContext) {
    return saved.shareRoleOptions(await accessOf(ctx))
  }

  async show(ctx: HttpContext) {
    return saved.showSaved(await accessOf(ctx), idOf(ctx))
  }

  async store(ctx: HttpContext) {
    const input = (await ctx.request.validateUsing(savedQueryValidator)) as SavedQueryInput
    const access = await accessOf(ctx)
    const { id, after } = await saved.createSaved(access, input)
    await audit.record(ctx, {
      action: 'query.save',
      entityType: 'saved_query',
      entityId: id,
      after,
    })
    ctx.response.status(201)
    return saved.showSaved(access, id)
  }

  async update(ctx: HttpContext) {
    const input = (await ctx.request.validateUsing(savedQueryValidator)) as SavedQueryInput
    const access = await accessOf(ctx)
    const id = idOf(ctx)
    const { before, after } = await saved.updateSaved(access, id, input)
    await audit.record(ctx, {
      action: 'query.update',
      entityType: 'saved_query',
      entityId: id,
      before,
      after,
    })
    return saved.showSaved(access, id)
  }

  async destroy(ctx: HttpContext) {
    const id = idOf(ctx)
    const { before } = await saved.deleteSaved(await accessOf(ctx), id)
    await audit.record(ctx, {
      action: 'query.delete',
      entityType: 'saved_query',
      entityId: id,
      before,
    })
    return ctx.response.noContent()
  }
}
