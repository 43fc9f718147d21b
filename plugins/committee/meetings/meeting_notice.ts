import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { notify } from '#core/messages/notify'
import { UserAccess } from '#core/identity/user_access'
import User from '#core/identity/user'
import { dateText } from './dates.js'

/*
| 会议通知: everyone called to the meeting (chair, secretary, members, 列席) who
| may open it — holds committee:meeting:list; being called makes the meeting
| visible to them, so no data-scope check is needed beyond that — gets an in-app
| message (and e-mail unless muted), written in the caller's transaction.
*/
export async function noticeMeeting(
  trx: TransactionClientContract,
  meeting: any,
  what: 'called' | 'opened'
) {
  const rows = await trx
    .from('committee_participants')
    .where('meeting_id', meeting.id)
    .select('user_id')
  const ids = [
    ...new Set([
      ...rows.map((r) => Number(r.user_id)),
      Number(meeting.chair_id),
      Number(meeting.secretary_id),
    ]),
  ]
  const users = await User.query({ client: trx }).whereIn('id', ids).where('status', 'active')
  const userIds: number[] = []
  for (const user of users)
    if ((await UserAccess.load(user)).can('committee:meeting:list')) userIds.push(user.id)
  if (!userIds.length) return
  const when = `${dateText(meeting.meeting_date)} ${meeting.place}`
  await notify(
    {
      type: 'committee.meeting-called',
      userIds,
      title:
        what === 'called'
          ? `会议通知：${meeting.title}（${when}）`
          : `会议已开始：${meeting.title}，请出席表决`,
      body: `${meeting.meeting_no}：${meeting.title}，${when}`,
      link: `/p/committee/Meetings?id=${meeting.id}`,
    },
    { trx }
  )
}
