import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dateText } from './dates.js'

/*
| 决议编号: 〈organiser〉资委决〔year〕n号, numbered per organising org and year of the
| meeting date. The org row is locked while the next number is taken, so two
| announcements at once never get the same number (the column is unique too).
*/
export async function nextResolutionNo(trx: TransactionClientContract, meeting: any) {
  const org = await trx.from('orgs').where('id', meeting.org_id).forUpdate().firstOrFail()
  const year = dateText(meeting.meeting_date).slice(0, 4)
  const prefix = `${meeting.meeting_type === 'hq' ? '总行' : (org.short_name ?? org.name)}资委决〔${year}〕`
  const [{ n }] = await trx
    .from('committee_agenda as a')
    .join('committee_meetings as m', 'm.id', 'a.meeting_id')
    .where('m.org_id', meeting.org_id)
    .whereNotNull('a.resolution_no')
    .whereRaw('a.resolution_no LIKE ?', [`${prefix}%`])
    .count('* as n')
  return `${prefix}${Number(n) + 1}号`
}
