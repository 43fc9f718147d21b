import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { limitationRuleValidator } from '../validators/limitation.js'
import { RULES_TABLE, ruleOf } from '../limitation/rule_store.js'

/*
| 时效规则: the statutory rules as configurable records. What a code means is
| fixed in the calculator; administrators change the period, the §203 roll, the
| basis text and whether the rule applies. Bank-wide (not data-scoped): rules
| belong to no org. Every change is audited with before and after.
*/
/** Rules without a period of their own: their length is not configurable. */
const NO_PERIOD = new Set(['waiver', 'mortgage'])

export default class LimitationRulesController {
  async index() {
    const rows = await db.from(RULES_TABLE).orderBy('id')
    return { data: rows.map(ruleOf) }
  }

  async update(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const row = Number.isSafeInteger(id) ? await db.from(RULES_TABLE).where('id', id).first() : null
    if (!row) return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    const input = await ctx.request.validateUsing(limitationRuleValidator)
    const periodless = NO_PERIOD.has(row.code)
    if (!periodless && !((input.periodYears ?? 0) + (input.periodMonths ?? 0) > 0))
      return ctx.response.status(422).send({
        message: ctx.i18n('validation.failed'),
        errors: [{ field: 'periodYears', rule: 'limitation', message: '期间必须大于 0' }],
      })
    const before = ruleOf(row)
    const changes = {
      period_years: periodless ? null : (input.periodYears ?? 0),
      period_months: periodless ? null : (input.periodMonths ?? 0),
      roll_to_working_day: input.rollToWorkingDay,
      legal_basis: input.legalBasis,
      description: input.description,
      enabled: input.enabled,
      updated_by: ctx.auth.getUserOrFail().id,
      updated_at: dbNow(),
    }
    const after = await db.transaction(async (trx) => {
      await trx.from(RULES_TABLE).where('id', id).update(changes)
      const updated = ruleOf(await trx.from(RULES_TABLE).where('id', id).firstOrFail())
      await audit.record(ctx, {
        action: 'disposal.limitation-rule.update',
        entityType: 'disposal_limitation_rule',
        entityId: row.code,
        before: { ...before, updatedAt: undefined },
        after: { ...updated, updatedAt: undefined },
        trx,
      })
      return updated
    })
    return after
  }
}
