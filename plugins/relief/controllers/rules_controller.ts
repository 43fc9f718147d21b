import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/support/db_time'
import { readRules } from '../plan/rules.js'
import { ruleValidator } from '../validators/plan.js'

/* 减免业务规则: the records the submission checks; edited by relief:rule:manage, audited. */
export default class RulesController {
  async index() {
    return { data: await db.transaction((trx) => readRules(trx)) }
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(ruleValidator)
    const id = Number(ctx.params.id)
    return db.transaction(async (trx) => {
      const rules = await readRules(trx)
      const rule = rules.find((r) => r.id === id)
      if (!rule) return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
      const after = {
        name: input.name ?? rule.name,
        enabled: input.enabled ?? rule.enabled,
        params: { ...rule.params, ...(input.params ?? {}) },
      }
      await trx
        .from('relief_rules')
        .where('id', id)
        .update({
          name: after.name,
          enabled: after.enabled,
          params: JSON.stringify(after.params),
          updated_at: dbNow(),
        })
      await audit.append(ctx, {
        action: 'relief.rule.update',
        entityType: 'relief:rule',
        entityId: id,
        before: { ...rule },
        after,
        trx,
      })
      return { ...rule, ...after }
    })
  }
}
