import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { loadRules, RULES_TABLE } from '../rules/rule_store.js'
import { WriteOffError } from '../plans/write_off_error.js'
import { ruleUpdateValidator } from '../validators/write_off.js'
import { idParam, refuseUnknownFields } from './helpers.js'

const plain = (r: Awaited<ReturnType<typeof loadRules>>[number]) => ({
  ...r,
  maxBalance: r.maxBalanceFen === null ? null : Money.fromFen(r.maxBalanceFen).toYuan(),
})

/** 核销条件配置: the rule records (财金〔2017〕90号) and their evidence documents. */
export default class RulesController {
  async index() {
    return { data: (await loadRules()).map(plain) }
  }

  async update(ctx: HttpContext) {
    refuseUnknownFields(ctx, [
      'name',
      'basis',
      'appliesTo',
      'maxBalance',
      'minOverdueDays',
      'enabled',
      'requiredDocs',
    ])
    const input = await ctx.request.validateUsing(ruleUpdateValidator)
    const id = idParam(ctx.params.id)
    const before = (await loadRules()).find((r) => r.id === id)
    if (!before) throw new WriteOffError(404, '核销条件不存在')
    if (new Set(input.requiredDocs.map((d) => d.code)).size !== input.requiredDocs.length)
      throw new WriteOffError(422, '所需资料的编码不能重复')
    await db
      .from(RULES_TABLE)
      .where('id', id)
      .update({
        name: input.name,
        basis: input.basis,
        applies_to: input.appliesTo,
        max_balance_fen:
          input.maxBalance === null ? null : Money.fromYuan(input.maxBalance).toFen(),
        min_overdue_days: input.minOverdueDays,
        enabled: input.enabled,
        required_docs: JSON.stringify(input.requiredDocs),
        updated_by: ctx.auth.getUserOrFail().id,
        updated_at: dbNow(),
      })
    const after = (await loadRules()).find((r) => r.id === id)!
    await audit.record(ctx, {
      action: 'write-off.rule.update',
      entityType: 'write-off:rule',
      entityId: id,
      before: plain(before),
      after: plain(after),
    })
    return plain(after)
  }
}
