import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { CommitteeError } from '../items/committee_error.js'

/*
| Who sees a meeting: the data scope of its organising org (a branch meeting: that
| branch and, through its scope, head office), plus everyone named in it (chair,
| secretary, members, attendees) — a member votes on a meeting they were called to.
| Out of scope = 404. Who runs it (opens, counts, announces): its chair or secretary.
*/
export function scopedMeetings(access: UserAccess, client?: QueryClientContract) {
  const me = access.user.id
  // The scope as a sub-select: with 全行 it adds nothing, and the OR below must not narrow it.
  const inScope = applyDataScope(
    (client ?? db).from('committee_meetings as ms').select('ms.id'),
    access,
    { orgColumn: 'ms.org_id', ownerColumn: 'ms.created_by' }
  )
  return (client ?? db).from('committee_meetings as m').where((q) => {
    q.whereIn('m.id', inScope)
      .orWhere('m.chair_id', me)
      .orWhere('m.secretary_id', me)
      .orWhereExists((p) =>
        p
          .from('committee_participants as cp')
          .whereColumn('cp.meeting_id', 'm.id')
          .where('cp.user_id', me)
      )
  })
}

export const notFound = () => new CommitteeError(404, '会议不存在', 'Meeting not found')

/** The meeting row the user may see, locked in `trx` when given; else 404. */
export async function visibleMeeting(access: UserAccess, id: number, trx?: QueryClientContract) {
  const query = scopedMeetings(access, trx).where('m.id', id).select('m.*')
  if (trx) query.forUpdate()
  const row = await query.first()
  if (!row) throw notFound()
  return row
}

/** Running the sitting is the chair's and the secretary's. */
export function assertRunner(access: UserAccess, meeting: any) {
  const me = access.user.id
  if (meeting.chair_id !== me && meeting.secretary_id !== me)
    throw new CommitteeError(
      403,
      '只有会议主持人或会议秘书可以操作会议进程',
      'Only the chair or the secretary runs the meeting'
    )
}

export function assertStatus(meeting: any, ...allowed: string[]) {
  if (!allowed.includes(meeting.status))
    throw new CommitteeError(
      409,
      `会议当前状态（${statusZh[meeting.status] ?? meeting.status}）不允许此操作`,
      `Not allowed while the meeting is ${meeting.status}`
    )
}

const statusZh: Record<string, string> = {
  draft: '筹备中',
  opened: '开会中',
  closed: '已闭会',
  cancelled: '已取消',
}
