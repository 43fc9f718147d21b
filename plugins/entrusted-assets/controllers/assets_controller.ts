import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { LIKE, likeContains } from '#core/db/like'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { assetRow, createAsset, findAsset, scopedAssets, updateAsset } from '../services/assets.js'
import { ASSET_FIELDS, assetValidator, listValidator } from '../validators/entrusted.js'
import { idOf } from './params.js'

/* 受托资产登记 (CrudPage): list, show, create, update; every write audited. */
export default class AssetsController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const query = scopedAssets(await accessOf(ctx)).select('a.*')
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w
          .whereRaw(LIKE, ['a.contract_no', like])
          .orWhereRaw(LIKE, ['a.principal_party', like])
          .orWhereRaw(LIKE, ['a.asset_name', like])
      )
    }
    const page = await query.orderBy('a.id', 'desc').paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(assetRow),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async show(ctx: HttpContext) {
    return findAsset(await accessOf(ctx), idOf(ctx))
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, ASSET_FIELDS)
    const input = await ctx.request.validateUsing(assetValidator)
    const created = await createAsset(await accessOf(ctx), input)
    await audit.record(ctx, {
      action: 'entrusted.asset.create',
      entityType: 'entrusted_asset',
      entityId: created.id,
      after: created,
    })
    ctx.response.status(201)
    return created
  }

  async update(ctx: HttpContext) {
    refuseUnknownFields(ctx, ASSET_FIELDS)
    const input = await ctx.request.validateUsing(assetValidator)
    const { before, after } = await updateAsset(await accessOf(ctx), idOf(ctx), input)
    await audit.record(ctx, {
      action: 'entrusted.asset.update',
      entityType: 'entrusted_asset',
      entityId: after.id,
      before,
      after,
    })
    return after
  }
}
