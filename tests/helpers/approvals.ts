/*
| Business verbs for approvals, so a flow spec reads like the rule ("bj_asset
| approves, hq_risk rejects") instead of a repeated POST-and-check script.
| Every verb goes through the real HTTP route an approver's console uses.
*/
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import { tokenFor } from './auth.js'

/** A demo username (signed in fresh) or anyone already holding a token (book users, userWith). */
export type Actor = string | { token: string }

type Decision = 'approve' | 'reject' | 'return' | 'resubmit' | 'withdraw'

async function tokenOf(actor: Actor) {
  return typeof actor === 'string' ? tokenFor(actor) : actor.token
}

/** The raw decision response, for specs that check a refusal (403/404/409/422). */
export async function decide(
  client: ApiClient,
  actor: Actor,
  instanceId: number,
  action: Decision,
  body: Record<string, unknown> = {}
) {
  return client
    .post(`/api/workflow/instances/${instanceId}/${action}`)
    .bearerToken(await tokenOf(actor))
    .json(body)
}

/** The decision must succeed; returns the instance the route sends back. */
async function decided(...args: Parameters<typeof decide>) {
  const response = await decide(...args)
  // The refusal's message says why (no task, out of scope, the business refused).
  if (response.status() !== 200) {
    const [, actor, instanceId, action] = args
    const who = typeof actor === 'string' ? actor : 'token holder'
    throw new Error(`${action} #${instanceId} as ${who}: ${response.status()} ${response.text()}`)
  }
  return response.body()
}

export const approveAs = (client: ApiClient, actor: Actor, instanceId: number, comment = '同意') =>
  decided(client, actor, instanceId, 'approve', { comment })

export const rejectAs = (client: ApiClient, actor: Actor, instanceId: number, comment: string) =>
  decided(client, actor, instanceId, 'reject', { comment })

/** Return to node `toSeq` (0 = the applicant); a return always needs a reason. */
export const returnAs = (
  client: ApiClient,
  actor: Actor,
  instanceId: number,
  comment: string,
  toSeq = 0
) => decided(client, actor, instanceId, 'return', { comment, toSeq })

export const resubmitAs = (
  client: ApiClient,
  actor: Actor,
  instanceId: number,
  comment = '已补充'
) => decided(client, actor, instanceId, 'resubmit', { comment })

/**
 * The applicant's verb every approval plugin shares: save the record
 * (POST collection → 201), then submit it (POST collection/:id/submit → 200).
 * Returns the saved record and the approval it started.
 */
export async function applyFor(
  client: ApiClient,
  applicant: { token: string },
  collectionUrl: string,
  body: Record<string, unknown>
) {
  const created = await client.post(collectionUrl).bearerToken(applicant.token).json(body)
  created.assertStatus(201)
  const record = created.body()
  const submitted = await client
    .post(`${collectionUrl}/${record.id}/submit`)
    .bearerToken(applicant.token)
  submitted.assertStatus(200)
  return { record, instanceId: submitted.body().instanceId as number }
}

/**
 * Approves node after node while the instance is still pending: below an amount
 * tier the chain ends early, so the later approvers are simply not asked.
 */
export async function approveChain(
  client: ApiClient,
  instanceId: number,
  actors: Actor[] = ['bj_asset', 'hq_risk']
) {
  for (const actor of actors) {
    const open = await db.from('wf_instances').where('id', instanceId).firstOrFail()
    if (open.status !== 'pending') break
    await approveAs(client, actor, instanceId)
  }
  return db.from('wf_instances').where('id', instanceId).firstOrFail()
}

/** Approves the newest approval of a business record through its chain (see approveChain). */
export async function approveRecord(
  client: ApiClient,
  type: string,
  businessId: number | string,
  actors?: Actor[]
) {
  return approveChain(client, (await latestInstance(type, businessId)).id, actors)
}

/** The newest approval of a business record (a returned-and-resubmitted record keeps one). */
export function latestInstance(type: string, businessId: number | string) {
  return db
    .from('wf_instances')
    .where('type_code', type)
    .where('business_id', String(businessId))
    .orderBy('id', 'desc')
    .firstOrFail()
}

/**
 * Every step of an approval is written twice — the workflow history and the
 * audit log — and both must tell the same story in the same order.
 */
export async function expectTimeline(assert: Assert, instanceId: number, steps: string[]) {
  const history = await db.from('wf_history').where('instance_id', instanceId).orderBy('id')
  assert.deepEqual(
    history.map((row) => row.action as string),
    steps,
    'wf_history'
  )
  const audit = await db
    .from('audit_logs')
    .where('entity_type', 'workflow_instance')
    .where('entity_id', String(instanceId))
    .orderBy('id')
  assert.deepEqual(
    audit.map((row) => row.action as string),
    steps.map((step) => `workflow.${step}`),
    'audit_logs'
  )
}
