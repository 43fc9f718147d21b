/*
| The claims fixture shared by the disposals' *_claims specs (transfer, relief,
| restructuring, disposal): a loan held by one disposal cannot enter another, and
| the other side of every such rule is a 核销方案. The draft is made for real,
| through write-off's own HTTP route (no plugin module is imported, so the
| plugin boundaries hold), by a fresh clerk each time: the same body sent again
| with one token would be refused as a repeat submission, not as a claim.
|
|   const plan = await writeOffDraft(client, loan.loanId)
|   plan.assertStatus(201)                                   // now held by 'write-off'
|   (await writeOffDraft(client, heldLoanId)).assertStatus(409)
*/
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { makeUser } from './identity.js'

/** Asks for a single-loan 核销方案 draft; returns the raw response (201 made, 409 held). */
export async function writeOffDraft(client: ApiClient, loanId: number) {
  const clerk = await makeUser({ permissions: ['write-off:plan:list', 'write-off:plan:create'] })
  return client
    .post('/api/write-off/plans')
    .bearerToken(clerk.token)
    .json({
      kind: 'single',
      title: '单笔核销',
      reasons: '追索无果，申请核销。',
      items: [{ kind: 'loan', id: loanId, ruleCode: 'small_personal' }],
    })
}

/** Rows in a table: a refused application must leave it as it was. */
export async function countRows(table: string) {
  return Number((await db.from(table).count('* as n'))[0].n)
}
