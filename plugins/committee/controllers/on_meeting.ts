import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { accessOf, type UserAccess } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { visibleMeeting } from '../meetings/meeting_scope.js'
import { idParam } from './params.js'

/**
 * One action on one meeting: in a transaction, the meeting the user may see
 * (locked; else 404), the change, and its audit row in the same transaction (a
 * CommitteeError thrown inside rolls it back; the exception handler answers it).
 */
export async function onMeeting<T>(
  ctx: HttpContext,
  action: string,
  fn: (trx: TransactionClientContract, access: UserAccess, meeting: any) => Promise<T>,
  describe: (
    result: T,
    meeting: any
  ) => {
    entityType?: string
    entityId?: number
    after?: Record<string, unknown>
    detail?: string
  } = () => ({})
) {
  const access = await accessOf(ctx)
  const id = idParam(ctx.params.id)
  return db.transaction(async (trx) => {
    const meeting = await visibleMeeting(access, id, trx)
    const result = await fn(trx, access, meeting)
    const facts = describe(result, meeting)
    await audit.append(ctx, {
      action,
      entityType: facts.entityType ?? 'committee_meeting',
      entityId: facts.entityId ?? meeting.id,
      after: facts.after ?? null,
      detail: facts.detail ?? `${meeting.meeting_no} ${meeting.title}`,
      trx,
    })
    return result
  })
}
