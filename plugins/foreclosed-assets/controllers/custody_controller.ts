import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { recordCheck, CHECKS } from '../checks/check_service.js'
import { addPhoto, photoFile, PHOTOS } from '../checks/photos.js'
import { registerEntry } from '../custody/entry_service.js'
import { createLease, endLease, LEASES } from '../custody/lease_service.js'
import { childInScope, listChecks, listEntries, listLeases } from '../custody/lists.js'
import {
  checkFields,
  checkValidator,
  endLeaseFields,
  endLeaseValidator,
  entryFields,
  entryValidator,
  leaseFields,
  leaseValidator,
  listValidator,
  photoFields,
  photoValidator,
} from '../validators/foreclosed_assets.js'
import { actorOf, assetOf, idParam, notFound, strictBody } from './helpers.js'
import { lockAsset } from '../assets/asset_scope.js'

/*
| 定期检查 (checks and their photos to the 影像平台), 临时经营 (leases) and
| 收入登记管理 (income and expenses). Each row is reached only through an asset
| in the caller's scope; every write is audited by its service.
*/
export default class CustodyController {
  async checks(ctx: HttpContext) {
    return listChecks(await accessOf(ctx), await ctx.request.validateUsing(listValidator))
  }

  async storeCheck(ctx: HttpContext) {
    const asset = await assetOf(ctx)
    if (!asset) return notFound(ctx)
    const input = await strictBody(ctx, checkValidator, checkFields)
    const actor = await actorOf(ctx)
    const done = await db.transaction(async (trx) => {
      const locked = await lockAsset(trx, Number(asset.id))
      return recordCheck(trx, locked, input, actor)
    })
    return ctx.response.status(201).send(done)
  }

  async storePhoto(ctx: HttpContext) {
    const id = idParam(ctx)
    const check = id ? await childInScope(await accessOf(ctx), CHECKS, id) : null
    if (!check) return notFound(ctx)
    const input = await strictBody(ctx, photoValidator, photoFields)
    const actor = await actorOf(ctx)
    const done = await db.transaction(async (trx) => {
      const asset = await trx.from('foreclosed_assets').where('id', check.asset_id).first()
      return addPhoto(trx, asset, Number(check.id), input, actor)
    })
    return ctx.response.status(201).send(done)
  }

  /** The kept copy of a photo (the preview), through its check's scope. */
  async photo(ctx: HttpContext) {
    const id = idParam(ctx)
    const row = id ? await db.from(PHOTOS).where('id', id).first() : null
    const check = row?.check_id
      ? await childInScope(await accessOf(ctx), CHECKS, Number(row.check_id))
      : null
    const bytes = check ? await photoFile(row) : null
    if (!bytes) return notFound(ctx)
    ctx.response.header('content-type', row.content_type)
    ctx.response.header('cache-control', 'private, max-age=300')
    return ctx.response.send(bytes)
  }

  async leases(ctx: HttpContext) {
    return listLeases(await accessOf(ctx), await ctx.request.validateUsing(listValidator))
  }

  async storeLease(ctx: HttpContext) {
    const asset = await assetOf(ctx)
    if (!asset) return notFound(ctx)
    const input = await strictBody(ctx, leaseValidator, leaseFields)
    const actor = await actorOf(ctx)
    const done = await db.transaction(async (trx) => {
      const locked = await lockAsset(trx, Number(asset.id))
      return createLease(trx, locked, input, actor)
    })
    return ctx.response.status(201).send(done)
  }

  async endLease(ctx: HttpContext) {
    const id = idParam(ctx)
    const lease = id ? await childInScope(await accessOf(ctx), LEASES, id) : null
    if (!lease) return notFound(ctx)
    const input = await strictBody(ctx, endLeaseValidator, endLeaseFields)
    const actor = await actorOf(ctx)
    await db.transaction(async (trx) => {
      await lockAsset(trx, Number(lease.asset_id))
      const fresh = await trx.from(LEASES).where('id', lease.id).first()
      await endLease(trx, fresh, input.endedOn, actor)
    })
    return { ok: true }
  }

  async entries(ctx: HttpContext) {
    return listEntries(await accessOf(ctx), await ctx.request.validateUsing(listValidator))
  }

  async storeEntry(ctx: HttpContext) {
    const asset = await assetOf(ctx)
    if (!asset) return notFound(ctx)
    const input = await strictBody(ctx, entryValidator, entryFields)
    const actor = await actorOf(ctx)
    const done = await db.transaction(async (trx) => {
      const locked = await lockAsset(trx, Number(asset.id))
      return registerEntry(trx, locked, input, actor)
    })
    return ctx.response.status(201).send(done)
  }
}
