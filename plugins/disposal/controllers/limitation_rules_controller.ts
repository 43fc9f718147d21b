import type { HttpContext } from '@adonisjs/core/http'
import { limitationRuleValidator } from '../validators/limitation.js'
import { listRules, ruleRow, updateRule } from '../limitation/rule_changes.js'

/* 时效规则: the statutory rules as configurable records (limitation/rule_changes.ts). */
export default class LimitationRulesController {
  async index() {
    return listRules()
  }

  async update(ctx: HttpContext) {
    const row = await ruleRow(Number(ctx.params.id))
    const input = await ctx.request.validateUsing(limitationRuleValidator)
    return updateRule(ctx, row, input, ctx.auth.getUserOrFail().id)
  }
}
