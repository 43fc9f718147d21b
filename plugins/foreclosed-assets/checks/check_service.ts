/*
| 定期检查: a check records the asset's condition, occupancy, damage and the
| value found; the value change goes to the value history and the current
| value. The next check falls `check_interval_months` (the class rule, e.g. 3 =
| quarterly) after this one; the core reminder engine reminds it before and
| once overdue (assets/asset_deadlines.ts). Overdue = next_check_due passed.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { dateText } from '#core/holidays/calendar_date'
import { ForeclosedAssetError } from '../assets/asset_error.js'
import { syncDisposalDeadline } from '../assets/asset_deadlines.js'
import { auditAsset, type Actor } from '../assets/audit_asset.js'
import { ASSETS, VALUES } from '../assets/receive.js'
import { classRule } from '../rules/class_rules.js'
import { addMonths } from '../rules/deadline.js'

export const CHECKS = 'foreclosed_assets_checks'
const ENDED = ['sold', 'fixed', 'written_off']

export interface CheckInput {
  checkedOn: string
  condition: string
  occupancy: string
  damage: string
  valueFound?: string | null
  findings?: string | null
}

export async function recordCheck(
  trx: TransactionClientContract,
  asset: Record<string, any>,
  input: CheckInput,
  actor: Actor
) {
  if (ENDED.includes(asset.status))
    throw new ForeclosedAssetError(409, '资产已处置，无需检查', 'The asset is disposed')
  if (input.checkedOn < dateText(asset.acquired_on))
    throw new ForeclosedAssetError(
      422,
      '检查日期早于取得日期',
      'Check before acquisition',
      'checkedOn'
    )
  const rule = await classRule(asset.asset_class, trx)
  const nextDue = addMonths(input.checkedOn, rule.checkIntervalMonths)
  const found = input.valueFound ? Money.fromYuan(input.valueFound) : null
  const [id] = await trx.table(CHECKS).insert({
    asset_id: asset.id,
    org_id: asset.org_id,
    checked_on: input.checkedOn,
    condition: input.condition,
    occupancy: input.occupancy,
    damage: input.damage,
    value_before_fen: String(asset.current_value_fen),
    value_found_fen: found ? found.toFen() : null,
    findings: input.findings ?? null,
    next_due: nextDue,
    checker_id: actor.userId,
    created_at: dbNow(),
  })
  const update: Record<string, unknown> = { updated_at: dbNow(), updated_by: actor.userId }
  // The later of the current schedule and this check's: a back-dated check never pulls it back.
  const current = asset.next_check_due ? dateText(asset.next_check_due) : null
  if (!current || nextDue > current || input.checkedOn >= current) update.next_check_due = nextDue
  if (found && found.toFen() !== String(asset.current_value_fen)) {
    update.current_value_fen = found.toFen()
    await trx.table(VALUES).insert({
      asset_id: asset.id,
      valued_on: input.checkedOn,
      value_fen: found.toFen(),
      kind: 'check',
      note: `定期检查 #${id}`,
      created_by: actor.userId,
      created_at: dbNow(),
    })
  }
  await trx.from(ASSETS).where('id', asset.id).update(update)
  await syncDisposalDeadline(trx, Number(asset.id))
  await auditAsset(trx, actor, {
    action: 'check.create',
    entityType: 'foreclosed_asset_check',
    id: Number(id),
    after: { assetId: asset.id, ...input, nextDue },
  })
  return { id: Number(id), nextDue }
}
