import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import vine from '@vinejs/vine'
import { accessOf } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { pageValidator } from '#core/validation/page'
import { fourEyes } from '#core/four_eyes/four_eyes'
import { RuleError } from '#core/plugins/rule_error'

const decisionValidator = vine.compile(
  vine.object({ comment: vine.string().trim().maxLength(500).optional() })
)
const statusValidator = vine.compile(
  vine.object({ status: vine.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional() })
)

/** 待复核变更: the maker-checker queue of security-sensitive configuration changes. */
export default class ChangesController {
  async index(ctx: HttpContext) {
    const { page, perPage } = await ctx.request.validateUsing(pageValidator)
    const { status } = await ctx.request.validateUsing(statusValidator)
    const access = await accessOf(ctx)
    const query = db
      .from('pending_changes as c')
      .join('users as u', 'u.id', 'c.requested_by')
      .leftJoin('users as d', 'd.id', 'c.decided_by')
      .select(
        'c.*',
        'u.username as requester',
        'u.real_name as requester_name',
        'd.real_name as decider_name'
      )
      .orderBy('c.id', 'desc')
    if (status) query.where('c.status', status)
    applyDataScope(query, access, {
      orgColumn: 'c.requested_org_id',
      ownerColumn: 'c.requested_by',
    })
    const result = await query.paginate(page ?? 1, perPage ?? 20)
    const names = new Map(fourEyes.kinds().map((k) => [k.code, k.name]))
    const me = ctx.auth.user!.id
    return {
      data: result.all().map((r) => ({
        id: r.id,
        kind: r.kind,
        kindName: names.get(r.kind) ?? { zh: r.kind, en: r.kind },
        summary: r.summary,
        payload: JSON.parse(r.payload),
        status: r.status,
        requester: r.requester,
        requesterName: r.requester_name,
        requestedAt: r.requested_at,
        deciderName: r.decider_name,
        decidedAt: r.decided_at,
        comment: r.decision_comment,
        mine: r.requested_by === me,
      })),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }

  async approve(ctx: HttpContext) {
    const { comment } = await ctx.request.validateUsing(decisionValidator)
    return this.decide(ctx, () => fourEyes.approve(ctx, Number(ctx.params.id), comment))
  }

  async reject(ctx: HttpContext) {
    const { comment } = await ctx.request.validateUsing(decisionValidator)
    return this.decide(ctx, () => fourEyes.reject(ctx, Number(ctx.params.id), comment))
  }

  async withdraw(ctx: HttpContext) {
    return this.decide(ctx, () => fourEyes.withdraw(ctx, Number(ctx.params.id)))
  }

  /** Scope first (an out-of-scope change is 404), then the decision. */
  private async decide(ctx: HttpContext, action: () => Promise<void>) {
    const access = await accessOf(ctx)
    const visible = applyDataScope(
      db.from('pending_changes as c').where('c.id', ctx.params.id),
      access,
      { orgColumn: 'c.requested_org_id', ownerColumn: 'c.requested_by' }
    )
    if (!(await visible.first())) throw RuleError.notFound()
    // A refusal (FourEyesError, or a change that no longer applies) is answered by the exception handler.
    await action()
    return ctx.response.noContent()
  }
}
