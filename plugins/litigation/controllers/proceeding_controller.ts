import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import {
  PROCEEDING_FIELDS,
  proceedingListValidator,
  proceedingValidator,
} from '../validators/proceeding.js'
import { refuseUnknown } from '../validators/strict.js'
import { idParam } from '../plans/plan_scope.js'
import { listProceedings, proceedingDetail } from '../proceedings/proceeding_queries.js'
import {
  createProceeding,
  deleteProceeding,
  submitProceeding,
  updateProceeding,
} from '../proceedings/proceeding_service.js'

/** 诉中方案申报: add, modify, delete (drafts), view, start approval. Rules in proceedings/. */
export default class ProceedingController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(proceedingListValidator)
    return listProceedings(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const found = await proceedingDetail(await accessOf(ctx), idParam(ctx.params.id))
    if (!found) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return found
  }

  async store(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), PROCEEDING_FIELDS)
    const input = await ctx.request.validateUsing(proceedingValidator)
    const access = await accessOf(ctx)
    const id = await createProceeding(access, input, (trx, planId) =>
      this.audited(ctx, trx, 'create', planId, undefined, { ...input })
    )
    ctx.response.status(201)
    return proceedingDetail(access, id)
  }

  async update(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), PROCEEDING_FIELDS)
    const input = await ctx.request.validateUsing(proceedingValidator)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const before = await proceedingDetail(access, id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await updateProceeding(access, id, input, (trx) =>
      this.audited(ctx, trx, 'update', id, { ...before, timeline: undefined }, { ...input })
    )
    return proceedingDetail(access, id)
  }

  async destroy(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const before = await proceedingDetail(access, id)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    await deleteProceeding(access, id, (trx) =>
      this.audited(ctx, trx, 'delete', id, { planNo: before.planNo, status: before.status })
    )
    return ctx.response.noContent()
  }

  async submit(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    if (!(await proceedingDetail(access, id)))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const { instanceId } = await submitProceeding(access, id, (trx) =>
      this.audited(ctx, trx, 'submit', id, undefined, { status: 'pending' })
    )
    return { ...(await proceedingDetail(access, id)), instanceId }
  }

  private audited(
    ctx: HttpContext,
    trx: TransactionClientContract,
    verb: string,
    id: number,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>
  ) {
    return audit
      .append(ctx, {
        action: `litigation.proceeding.${verb}`,
        entityType: 'lit_proceeding_plan',
        entityId: id,
        before,
        after,
        trx,
      })
      .then(() => {})
  }
}
