import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { allRules, ruleFor, saveRule } from '../rules/rule_store.js'
import { checkRuleShape, RULE_FIELDS, ruleValidator } from '../validators/rule.js'
import { refuseUnknown } from '../validators/strict.js'
import type { CommitteeRule } from '../rules/types.js'

/**
 * 议事规则: one record per meeting type. A change applies to meetings opened
 * afterwards; an opened meeting keeps the snapshot it took. Audited before/after.
 */
export default class RulesController {
  async index() {
    return allRules()
  }

  async update(ctx: HttpContext) {
    const type = String(ctx.params.type)
    const before = await ruleFor(type)
    if (!before) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    refuseUnknown(ctx.request.body(), RULE_FIELDS)
    const input = await ctx.request.validateUsing(ruleValidator)
    checkRuleShape(input)
    const rule = { meetingType: type, ...input } as CommitteeRule
    await db.transaction(async (trx) => {
      await saveRule(trx, rule, ctx.auth.user!.id)
      await audit.append(ctx, {
        action: 'committee.rule.update',
        entityType: 'committee_rule',
        entityId: type,
        before: before as unknown as Record<string, unknown>,
        after: rule as unknown as Record<string, unknown>,
        trx,
      })
    })
    return ruleFor(type)
  }
}
