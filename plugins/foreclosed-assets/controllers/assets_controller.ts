import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { assetDetail, listAssets } from '../assets/asset_queries.js'
import { lockAsset } from '../assets/asset_scope.js'
import { auditAsset } from '../assets/audit_asset.js'
import { ASSETS, VALUES } from '../assets/receive.js'
import {
  distribute,
  managerOptions,
  summaryByManager,
} from '../distribution/distribution_service.js'
import { recordReconciliation } from '../custody/entry_service.js'
import {
  appraisalFields,
  appraisalValidator,
  basicFields,
  basicValidator,
  distributeFields,
  distributeValidator,
  listValidator,
  pickerValidator,
  reconciliationFields,
  reconciliationValidator,
} from '../validators/foreclosed_assets.js'
import { actorOf, assetOf, idParam, notFound, strictBody } from './helpers.js'

/*
| 资产分发 and 资产保管 › 基本信息: the asset list and record, the distribution
| to managers and its summary, basic info, appraisals (value history) and
| 账实核对. Every lookup through the data scope; every write audited.
*/
export default class AssetsController {
  async index(ctx: HttpContext) {
    const f = await ctx.request.validateUsing(listValidator)
    return listAssets(await accessOf(ctx), f)
  }

  /** The asset picker of the console's forms (RecordPicker source): open assets in scope. */
  async picker(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(pickerValidator)
    const access = await accessOf(ctx)
    const ids = q.ids
      ? String(q.ids)
          .split(',')
          .map(Number)
          .filter((n) => Number.isSafeInteger(n) && n > 0)
      : []
    const page = await listAssets(access, {
      keyword: q.keyword,
      page: q.page,
      perPage: q.perPage,
      status: ids.length ? undefined : (q.status ?? 'open'),
      ids,
    })
    return {
      data: page.data.map((a) => ({
        value: a.id,
        label: `${a.assetNo} ${a.name}`,
        hint: `${a.customerName ?? ''} · ${a.bookValue}`,
      })),
      total: page.meta.total,
    }
  }

  async show(ctx: HttpContext) {
    const id = idParam(ctx)
    const asset = id ? await assetDetail(await accessOf(ctx), id) : null
    return asset ?? notFound(ctx)
  }

  async distribute(ctx: HttpContext) {
    const input = await strictBody(ctx, distributeValidator, distributeFields)
    const actor = await actorOf(ctx)
    return db.transaction((trx) => distribute(trx, input, actor, actor.access))
  }

  /** Who the asset may go to (the distribution dialog's picker). */
  async managers(ctx: HttpContext) {
    const asset = await assetOf(ctx)
    if (!asset) return notFound(ctx)
    const q = await ctx.request.validateUsing(pickerValidator)
    const ids = q.ids ? String(q.ids).split(',').map(Number) : null
    const all = await managerOptions(asset, ids ? undefined : q.keyword)
    const data = ids ? all.filter((o) => ids.includes(o.value)) : all
    return { data, total: data.length }
  }

  async summary(ctx: HttpContext) {
    return { data: await summaryByManager(await accessOf(ctx)) }
  }

  /** 基本信息: name, location, certificates, 保管行. */
  async update(ctx: HttpContext) {
    const asset = await assetOf(ctx)
    if (!asset) return notFound(ctx)
    const input = await strictBody(ctx, basicValidator, basicFields)
    const actor = await actorOf(ctx)
    await db.transaction(async (trx) => {
      const before = await lockAsset(trx, Number(asset.id))
      await trx
        .from(ASSETS)
        .where('id', asset.id)
        .update({
          name: input.name,
          location: input.location ?? null,
          certificates: input.certificates ?? null,
          custodian_org_id: input.custodianOrgId,
          updated_by: actor.userId,
          updated_at: dbNow(),
        })
      await auditAsset(trx, actor, {
        action: 'update',
        id: Number(asset.id),
        before: {
          name: before.name,
          location: before.location,
          certificates: before.certificates,
          custodianOrgId: before.custodian_org_id,
        },
        after: input,
      })
    })
    return assetDetail(actor.access, Number(asset.id))
  }

  /** A new appraisal: the value history and the current value. */
  async appraise(ctx: HttpContext) {
    const asset = await assetOf(ctx)
    if (!asset) return notFound(ctx)
    const input = await strictBody(ctx, appraisalValidator, appraisalFields)
    const actor = await actorOf(ctx)
    const value = Money.fromYuan(input.appraisedValue)
    await db.transaction(async (trx) => {
      await trx.table(VALUES).insert({
        asset_id: asset.id,
        valued_on: input.appraisedOn,
        value_fen: value.toFen(),
        kind: 'appraisal',
        note: input.note ?? '重新评估',
        created_by: actor.userId,
        created_at: dbNow(),
      })
      await trx.from(ASSETS).where('id', asset.id).update({
        appraised_value_fen: value.toFen(),
        current_value_fen: value.toFen(),
        updated_by: actor.userId,
        updated_at: dbNow(),
      })
      await auditAsset(trx, actor, {
        action: 'appraise',
        id: Number(asset.id),
        before: { appraisedValue: Money.fromFen(String(asset.appraised_value_fen)).toYuan() },
        after: { appraisedValue: value.toYuan(), appraisedOn: input.appraisedOn },
      })
    })
    return assetDetail(actor.access, Number(asset.id))
  }

  /** 账实核对. */
  async reconcile(ctx: HttpContext) {
    const asset = await assetOf(ctx)
    if (!asset) return notFound(ctx)
    const input = await strictBody(ctx, reconciliationValidator, reconciliationFields)
    const actor = await actorOf(ctx)
    const done = await db.transaction((trx) => recordReconciliation(trx, asset, input, actor))
    return ctx.response.status(201).send(done)
  }
}
