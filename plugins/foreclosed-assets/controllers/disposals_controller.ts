import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { assetRowInScope, lockAsset } from '../assets/asset_scope.js'
import { applyDisposal } from '../disposal/disposal_service.js'
import { disposalDetail, listDisposals } from '../disposal/disposal_read.js'
import { retryPosting } from '../disposal/postings.js'
import { auditAsset } from '../assets/audit_asset.js'
import {
  disposalFields,
  disposalValidator,
  listValidator,
} from '../validators/foreclosed_assets.js'
import { actorOf, idParam, notFound, strictBody } from './helpers.js'

/*
| 资产处置 › 出售申请 / 转固申请 / 列损申请: lists by kind, one application
| with its postings, the application (submitted to the workflow at once) and
| 重发 of a refused posting. Through the asset's data scope.
*/
export default class DisposalsController {
  async index(ctx: HttpContext) {
    return listDisposals(await accessOf(ctx), await ctx.request.validateUsing(listValidator))
  }

  async show(ctx: HttpContext) {
    const id = idParam(ctx)
    const d = id ? await disposalDetail(await accessOf(ctx), id) : null
    return d ?? notFound(ctx)
  }

  async store(ctx: HttpContext) {
    const input = await strictBody(ctx, disposalValidator, disposalFields)
    const actor = await actorOf(ctx)
    const asset = await assetRowInScope(input.assetId, actor.access)
    if (!asset) return notFound(ctx)
    const done = await db.transaction(async (trx) => {
      const locked = await lockAsset(trx, Number(asset.id))
      return applyDisposal(trx, locked, input, actor)
    })
    return ctx.response.status(201).send(await disposalDetail(actor.access, done.id))
  }

  async retry(ctx: HttpContext) {
    const id = idParam(ctx)
    const postingId = idParam(ctx, 'postingId')
    const access = await accessOf(ctx)
    const d = id && postingId ? await disposalDetail(access, id) : null
    if (!d || !postingId) return notFound(ctx)
    const retried = await retryPosting(d.id, postingId)
    if (retried === null) return notFound(ctx)
    if (!retried)
      return ctx.response.status(409).send({
        message:
          ctx.locale === 'en' ? 'Only a refused posting can be resent' : '仅记账失败的分录可以重发',
      })
    const actor = await actorOf(ctx)
    await db.transaction((trx) =>
      auditAsset(trx, actor, {
        action: 'posting.retry',
        entityType: 'foreclosed_asset_disposal',
        id: d.id,
        after: { postingId },
      })
    )
    return disposalDetail(access, d.id)
  }
}
