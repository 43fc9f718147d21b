/*
| 转办 / 加签 candidates: the people the caller may hand their task on this
| approval to, or add as a signer. Only the holder of an open task on the
| approval's current node asks (anyone else gets an empty list: nobody browses
| the staff list here), and only people the action itself would accept are
| offered — the same check (assignee_rules.ts `assigneeRefusal`): active, not the
| applicant, not already on the node, named by the chain or holding the node's
| role with the record in their data scope. Name, username and org only: the
| facts an approval's own history shows.
*/
import db from '@adonisjs/lucid/services/db'
import { LIKE, likeContains } from '#core/db/like'
import { assigneeRefusal } from './assignee_rules.js'
import { instanceFromRow, openTaskOf } from './instance_store.js'

/** Offered at most; the approver narrows the keyword for more. */
const MAX_OFFERED = 20
/** Matching users checked at most per search (each check is a few queries). */
const MAX_CHECKED = 400
const BATCH = 50

export interface TaskCandidate {
  id: number
  username: string
  name: string
  orgName: string
}

export async function taskCandidates(
  actorId: number,
  instanceId: number,
  keyword: string
): Promise<TaskCandidate[]> {
  const row = await db.from('wf_instances').where('id', instanceId).first()
  if (!row) return []
  const instance = instanceFromRow(row)
  if (instance.status !== 'pending' || instance.mode === 'external') return []
  if (!(await openTaskOf(db.connection(), instance, actorId))) return []

  const offered: TaskCandidate[] = []
  let after = 0
  for (let checked = 0; checked < MAX_CHECKED && offered.length < MAX_OFFERED;) {
    const rows = await db
      .from('users as u')
      .join('orgs as o', 'o.id', 'u.org_id')
      .where('u.status', 'active')
      .where('u.id', '>', after)
      .whereNot('u.id', actorId)
      .where((q) =>
        q
          .whereRaw(LIKE, ['u.real_name', likeContains(keyword)])
          .orWhereRaw(LIKE, ['u.username', likeContains(keyword)])
      )
      .orderBy('u.id')
      .limit(BATCH)
      .select('u.id', 'u.username', 'u.real_name', 'o.name as org_name')
    for (const user of rows) {
      checked++
      if (offered.length >= MAX_OFFERED) break
      if (await assigneeRefusal(db.connection(), instance, Number(user.id))) continue
      offered.push({
        id: Number(user.id),
        username: user.username,
        name: user.real_name,
        orgName: user.org_name,
      })
    }
    if (rows.length < BATCH) break
    after = Number(rows[rows.length - 1].id)
  }
  return offered
}
