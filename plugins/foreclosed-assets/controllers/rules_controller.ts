import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { dateText } from '#core/holidays/calendar_date'
import { syncDisposalDeadline } from '../assets/asset_deadlines.js'
import { auditAsset } from '../assets/audit_asset.js'
import { ASSETS } from '../assets/receive.js'
import { ASSET_CLASSES } from '../rules/default_class_rules.js'
import { classRules, RULES_TABLE } from '../rules/class_rules.js'
import { disposalDeadline } from '../rules/deadline.js'
import { ruleFields, ruleValidator } from '../validators/foreclosed_assets.js'
import { actorOf, notFound, strictBody } from './helpers.js'

/*
| 处置期限设置: the class rules (处置期限 months, reminder offsets, check
| interval). A change recomputes the deadline of every open asset of the class
| and re-arms its reminders, in the change's transaction; audited.
*/
export default class RulesController {
  async index() {
    return { data: await classRules() }
  }

  async update(ctx: HttpContext) {
    const assetClass = String(ctx.params.assetClass)
    if (!(ASSET_CLASSES as readonly string[]).includes(assetClass)) return notFound(ctx)
    const input = await strictBody(ctx, ruleValidator, ruleFields)
    const actor = await actorOf(ctx)
    await db.transaction(async (trx) => {
      const before = await trx
        .from(RULES_TABLE)
        .where('asset_class', assetClass)
        .forUpdate()
        .first()
      await trx
        .from(RULES_TABLE)
        .where('asset_class', assetClass)
        .update({
          disposal_months: input.disposalMonths,
          reminder_offsets: JSON.stringify([...input.reminderOffsets].sort((a, b) => b - a)),
          check_interval_months: input.checkIntervalMonths,
          basis: input.basis,
          updated_by: actor.userId,
          updated_at: dbNow(),
        })
      const open = await trx
        .from(ASSETS)
        .where('asset_class', assetClass)
        .whereNotIn('status', ['sold', 'fixed', 'written_off'])
        .select('id', 'acquired_on')
      for (const a of open) {
        const deadline = await disposalDeadline(dateText(a.acquired_on), input.disposalMonths)
        await trx.from(ASSETS).where('id', a.id).update({ disposal_deadline: deadline })
        await syncDisposalDeadline(trx, Number(a.id))
      }
      await auditAsset(trx, actor, {
        action: 'rule.update',
        entityType: 'foreclosed_asset_class_rule',
        id: assetClass,
        before,
        after: { ...input, recomputed: open.length },
      })
    })
    return { data: await classRules() }
  }
}
