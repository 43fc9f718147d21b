import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { accessOf } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { queue } from '#core/queue/queue'
import { dbNow } from '#core/db/db_time'
import { CHECK_ITEMS, checklists, saveChecklist, type CheckItem } from '../services/checklists.js'
import { idParam, scopedByCreator } from '../services/scope.js'
import {
  PLAN_FIELDS,
  checklistValidator,
  fieldError,
  listValidator,
  planValidator,
  refusedUnknown,
} from '../validators/inspections.js'
import { meta, notFound } from './replies.js'

/*
| 检查计划: 定期检查 plans (which loans, how often, which items) of the caller's
| org and below, the checklists of the five items, and 立即生成 (the task
| generation job, which also runs daily). Every write is audited.
*/
const fen = (yuan: string | null | undefined) =>
  yuan === null || yuan === undefined || yuan === '' ? null : Money.fromYuan(yuan).toFen()
const yuan = (value: unknown) =>
  value === null || value === undefined ? null : Money.fromFen(String(value)).toYuan()

const planOf = (r: any) => ({
  id: Number(r.id),
  name: r.name,
  frequency: r.frequency,
  fiveClass: r.five_class,
  minBalance: yuan(r.min_balance_fen),
  maxBalance: yuan(r.max_balance_fen),
  items: JSON.parse(r.items),
  active: r.status === 'active',
  orgId: Number(r.org_id),
  createdAt: r.created_at,
})

export default class PlansController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const page = await scopedByCreator('insp_plans', 'p', await accessOf(ctx))
      .select('p.*')
      .orderBy('p.id', 'desc')
      .paginate(q.page ?? 1, q.perPage ?? 20)
    return { data: page.all().map(planOf), meta: meta(page) }
  }

  async store(ctx: HttpContext) {
    return this.#save(ctx, null)
  }

  async update(ctx: HttpContext) {
    const id = idParam(ctx.params.id)
    const row = id
      ? await scopedByCreator('insp_plans', 'p', await accessOf(ctx))
          .where('p.id', id)
          .select('p.*')
          .first()
      : null
    if (!row) return notFound(ctx)
    return this.#save(ctx, row)
  }

  async #save(ctx: HttpContext, before: any) {
    if (refusedUnknown(ctx, PLAN_FIELDS)) return
    const input = await ctx.request.validateUsing(planValidator)
    const min = fen(input.minBalance)
    const max = fen(input.maxBalance)
    if (min !== null && max !== null && BigInt(min) > BigInt(max))
      return fieldError(
        ctx,
        'maxBalance',
        '余额上限不能小于下限',
        'The maximum is below the minimum'
      )
    const user = ctx.auth.getUserOrFail()
    const values = {
      name: input.name,
      frequency: input.frequency,
      five_class: input.fiveClass ?? null,
      min_balance_fen: min,
      max_balance_fen: max,
      items: JSON.stringify(input.items),
      status: input.active === false ? 'inactive' : 'active',
      updated_at: dbNow(),
    }
    const id = await db.transaction(async (trx) => {
      let planId: number
      if (before) {
        planId = Number(before.id)
        await trx.from('insp_plans').where('id', planId).update(values)
      } else {
        const [inserted] = await trx.table('insp_plans').insert({
          ...values,
          org_id: user.orgId,
          created_by: user.id,
          created_at: dbNow(),
        })
        planId = Number(inserted)
      }
      await audit.append(ctx, {
        action: before ? 'inspections.plan.update' : 'inspections.plan.create',
        entityType: 'inspection_plan',
        entityId: planId,
        before: before ? planOf(before) : undefined,
        after: { ...input },
        trx,
      })
      return planId
    })
    const row = await db.from('insp_plans').where('id', id).first()
    return ctx.response.status(before ? 200 : 201).send(planOf(row))
  }

  /** 立即生成: the current period's tasks of one plan (or all), as a job with progress. */
  async generate(ctx: HttpContext) {
    if (refusedUnknown(ctx, [])) return
    const id = idParam(ctx.params.id)
    const row = id
      ? await scopedByCreator('insp_plans', 'p', await accessOf(ctx))
          .where('p.id', id)
          .select('p.id')
          .first()
      : null
    if (!row) return notFound(ctx)
    const jobId = await queue.dispatch(
      'inspections:generate-tasks',
      { planId: Number(row.id) },
      { userId: ctx.auth.getUserOrFail().id }
    )
    await audit.record(ctx, {
      action: 'inspections.plan.generate',
      entityType: 'inspection_plan',
      entityId: Number(row.id),
      after: { jobId },
    })
    return ctx.response.status(202).send({ jobId })
  }

  async checklists() {
    return { data: await checklists() }
  }

  async saveChecklist(ctx: HttpContext) {
    const item = String(ctx.params.item) as CheckItem
    if (!CHECK_ITEMS.includes(item)) return notFound(ctx)
    if (refusedUnknown(ctx, ['points'])) return
    const input = await ctx.request.validateUsing(checklistValidator)
    const codes = input.points.map((p) => p.code)
    if (new Set(codes).size !== codes.length)
      return fieldError(ctx, 'points', '清单项目编码重复', 'Duplicate point codes')
    const before = (await checklists())[item]
    await db.transaction(async (trx) => {
      await saveChecklist(trx, item, input.points)
      await audit.append(ctx, {
        action: 'inspections.checklist.update',
        entityType: 'inspection_checklist',
        entityId: item,
        before: { item, points: before },
        after: { item, points: input.points },
        trx,
      })
    })
    return { data: (await checklists())[item] }
  }
}
