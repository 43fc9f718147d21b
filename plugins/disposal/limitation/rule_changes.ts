/*
| 时效规则 changes. What a code means is fixed in the calculator; administrators
| change the period, the §203 roll, the basis text and whether the rule applies.
| Bank-wide (not data-scoped): rules belong to no org. Every change is audited
| with before and after.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/plugins/rule_error'
import { dbNow } from '#core/db/db_time'
import type { limitationRuleValidator } from '../validators/limitation.js'
import { LimitationError } from './limitation_error.js'
import { RULES_TABLE, ruleOf } from './rule_store.js'

/** Rules without a period of their own: their length is not configurable. */
const NO_PERIOD = new Set(['waiver', 'mortgage'])

export async function listRules() {
  const rows = await db.from(RULES_TABLE).orderBy('id')
  return { data: rows.map(ruleOf) }
}

/** The rule row `id`, or a 404 (checked before the body is validated). */
export async function ruleRow(id: number): Promise<Record<string, any>> {
  const row = Number.isSafeInteger(id) ? await db.from(RULES_TABLE).where('id', id).first() : null
  if (!row) throw RuleError.notFound()
  return row
}

export async function updateRule(
  ctx: HttpContext,
  row: Record<string, any>,
  input: Infer<typeof limitationRuleValidator>,
  userId: number
) {
  const periodless = NO_PERIOD.has(row.code)
  if (!periodless && !((input.periodYears ?? 0) + (input.periodMonths ?? 0) > 0))
    throw new LimitationError(
      422,
      '期间必须大于 0',
      'The period must be longer than 0',
      'periodYears'
    )
  const before = ruleOf(row)
  const changes = {
    period_years: periodless ? null : (input.periodYears ?? 0),
    period_months: periodless ? null : (input.periodMonths ?? 0),
    roll_to_working_day: input.rollToWorkingDay,
    legal_basis: input.legalBasis,
    description: input.description,
    enabled: input.enabled,
    updated_by: userId,
    updated_at: dbNow(),
  }
  return db.transaction(async (trx) => {
    await trx.from(RULES_TABLE).where('id', row.id).update(changes)
    const updated = ruleOf(await trx.from(RULES_TABLE).where('id', row.id).firstOrFail())
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
}
