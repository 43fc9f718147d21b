import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { LIKE, likePrefix } from '#core/db/like'
import { audit } from '#core/audit/audit'
import { itemPlain } from '../plans/plan_store.js'
import {
  determinationPlain,
  registerNoRecourse,
  scopedDeterminations,
  scopedItems,
} from '../no_recourse/no_recourse_service.js'
import { WriteOffError } from '../plans/write_off_error.js'
import { evidenceOf } from '../evidence/evidence_service.js'
import { listValidator, noRecourseValidator } from '../validators/write_off.js'
import { idParam, refuseUnknownFields } from './helpers.js'
import db from '@adonisjs/lucid/services/db'

/** 无追索权认定: written-off subjects in scope, their determinations, register one. */
export default class NoRecourseController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(listValidator)
    const access = await accessOf(ctx)
    const query = scopedItems(access)
    if (input.keyword) query.whereRaw(LIKE, ['i.subject_no', likePrefix(input.keyword)])
    const page = input.page ?? 1
    const perPage = input.perPage ?? 20
    const [{ total }] = await query.clone().count('* as total')
    const rows = await query
      .select('i.*')
      .select(
        ...['principal_fen', 'on_balance_interest_fen', 'off_balance_interest_fen', 'fee_fen'].map(
          (c) => db.raw(`CAST(i.${c} AS CHAR) as ${c}`)
        )
      )
      .orderBy('i.id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage)
    const open = rows.length
      ? await db
          .from('write_off_no_recourse')
          .whereIn(
            'item_id',
            rows.map((r) => r.id)
          )
          .orderBy('id', 'desc')
      : []
    return {
      data: rows.map((r) => {
        const latest = open.find((d) => Number(d.item_id) === Number(r.id))
        return { ...itemPlain(r), determination: latest ? determinationPlain(latest) : null }
      }),
      meta: { total: Number(total), page, perPage },
    }
  }

  /** One determination (the workflow's link). */
  async show(ctx: HttpContext) {
    const row = await scopedDeterminations(await accessOf(ctx))
      .where('n.id', idParam(ctx.params.id))
      .first()
    if (!row) throw new WriteOffError(404, '无追索权认定不存在或无权访问')
    return determinationPlain(row)
  }

  /** The written-off subject's evidence (to attach to the determination). */
  async evidence(ctx: HttpContext) {
    const item = await scopedItems(await accessOf(ctx))
      .where('i.id', idParam(ctx.params.itemId))
      .first()
    if (!item) throw new WriteOffError(404, '核销借据不存在或无权访问')
    return { data: await evidenceOf({ kind: item.subject_kind, id: Number(item.subject_id) }) }
  }

  async store(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['itemId', 'reason', 'facts', 'evidenceIds'])
    const input = await ctx.request.validateUsing(noRecourseValidator)
    const { data } = await import('#core/registry/dictionaries_cache').then((m) =>
      m.dictionariesCache.current()
    )
    if (
      !(data['write_off_no_recourse_reason'] ?? []).some(
        (i) => i.code === input.reason && i.enabled
      )
    )
      throw new WriteOffError(422, '认定事由不在字典中或已停用')
    const id = await registerNoRecourse(await accessOf(ctx), input)
    await audit.record(ctx, {
      action: 'write-off.no-recourse.create',
      entityType: 'write-off:no-recourse',
      entityId: id,
      after: input,
    })
    return ctx.response.created({ id })
  }
}
