/*
| One audit entry per change of 抵债资产 (`foreclosed_asset.<verb>`), in the
| change's transaction, so an auditor can filter the plugin with `foreclosed_asset.*`.
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'

export interface Actor {
  userId: number
  orgId: number
  ctx: HttpContext | null
}

export async function auditAsset(
  trx: TransactionClientContract,
  actor: Actor,
  entry: {
    action: string
    entityType?: string
    id: number | string
    before?: Record<string, unknown> | null
    after?: Record<string, unknown> | null
    detail?: string
  }
) {
  let actorUsername: string | null = null
  if (!actor.ctx) {
    const user = await trx.from('users').where('id', actor.userId).select('username').first()
    actorUsername = user?.username ?? null
  }
  await audit.append(actor.ctx, {
    action: `foreclosed_asset.${entry.action}`,
    entityType: entry.entityType ?? 'foreclosed_asset',
    entityId: entry.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    detail: entry.detail ?? null,
    actorUsername,
    trx,
  })
}
