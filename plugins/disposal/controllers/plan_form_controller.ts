import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { customerSearchValidator, prefillValidator } from '../validators/plan.js'
import { planCustomerLoans, searchPlanCustomers } from '../plans/plan_form.js'
import { fetchPrefill, subjectOf } from '../plans/plan_service.js'
import { planIdParam } from '../plans/plan_scope.js'

/**
 * The application form's helpers: pick a customer and loans in scope, then
 * the real-time facts from the bank's systems. The prefill answers 200 even
 * when every system is down: each section then says `unavailable`.
 */
export default class PlanFormController {
  async customers(ctx: HttpContext) {
    const { keyword } = await ctx.request.validateUsing(customerSearchValidator)
    return { data: await searchPlanCustomers(await accessOf(ctx), keyword) }
  }

  async loans(ctx: HttpContext) {
    const result = await planCustomerLoans(await accessOf(ctx), planIdParam(ctx.params.id))
    if (!result) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return result
  }

  /** The org tree for the query page's org filter (names only; the list itself is scoped). */
  async orgOptions() {
    const rows = await db
      .from('orgs')
      .where('status', 'active')
      .orderBy('path')
      .orderBy('sort')
      .select('id', 'code', 'name', 'parent_id')
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id }))
  }

  async prefill(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(prefillValidator)
    const subject = await subjectOf(
      await accessOf(ctx),
      input.customerId,
      input.loanIds.split(',').map(Number)
    )
    return { sections: await fetchPrefill(subject) }
  }
}
