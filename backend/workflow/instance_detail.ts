/*
| One approval as its participants see it: the business summary, the chain
| with each node's state and approvers, the history timeline, attachments and
| the actions open to the viewer. Visible to the applicant; to anyone who has
| (had) a task on it while its record is in their data scope or the chain
| names them (assignee_rules.ts); and to holders of system:workflow:monitor
| within their data scope (by the applicant's org). Anyone else gets 404.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { isoTime } from '#core/notices/notice_rows'
import { namedByChain, recordInScope } from './assignee_rules.js'
import { nodeToApi } from './chain_nodes.js'
import { instanceFromRow, yuanOf } from './instance_store.js'
import { businessLink } from './task_lists.js'
import { notFound } from './workflow_error.js'

export const MONITOR_PERMISSION = 'system:workflow:monitor'

/** The instance if the user may see it. */
export async function visibleInstance(access: UserAccess, id: number) {
  const row = await db.from('wf_instances').where('id', id).first()
  if (!row) throw notFound()
  const userId = access.user.id
  if (Number(row.applicant_id) === userId) return row
  const task = await db
    .from('wf_tasks')
    .where('instance_id', id)
    .where('assignee_id', userId)
    .first()
  if (task && (await participantMayRead(access, row))) return row
  if (access.can(MONITOR_PERMISSION)) {
    const scoped = await applyDataScope(db.from('wf_instances').where('id', id), access, {
      orgColumn: 'wf_instances.org_id',
      ownerColumn: 'wf_instances.applicant_id',
    }).first()
    if (scoped) return row
  }
  throw notFound()
}

/** A task holder reads the approval while its record is in their scope, or the chain names them. */
async function participantMayRead(access: UserAccess, row: any) {
  const instance = instanceFromRow(row)
  if (await recordInScope(access, instance)) return true
  for (const node of instance.chain)
    if (await namedByChain(db.connection(), instance, node, access.user.id)) return true
  return false
}

const dateOnly = (v: unknown) =>
  v === null || v === undefined ? null : (isoTime(v)?.slice(0, 10) ?? null)

export async function instanceDetail(access: UserAccess, id: number) {
  const row = await visibleInstance(access, id)
  const instance = instanceFromRow(row)
  const [type, applicant, org, tasks, history, attachments] = await Promise.all([
    db.from('wf_types').where('code', instance.typeCode).first(),
    db
      .from('users')
      .where('id', instance.applicantId)
      .select('id', 'real_name', 'username')
      .first(),
    db.from('orgs').where('id', instance.orgId).select('id', 'name').first(),
    db
      .from('wf_tasks as t')
      .join('users as u', 'u.id', 't.assignee_id')
      .where('t.instance_id', id)
      .where('t.round', instance.round)
      .orderBy('t.id')
      .select('t.*', 'u.real_name as assignee_name'),
    db
      .from('wf_history as h')
      .leftJoin('users as u', 'u.id', 'h.actor_id')
      .leftJoin('users as tu', 'tu.id', 'h.target_user_id')
      .where('h.instance_id', id)
      .orderBy('h.id')
      .select('h.*', 'u.real_name as actor_name', 'tu.real_name as target_user_name'),
    db
      .from('wf_attachments as f')
      .join('users as u', 'u.id', 'f.uploaded_by')
      .where('f.instance_id', id)
      .orderBy('f.id')
      .select(
        'f.id',
        'f.history_id',
        'f.file_name',
        'f.size',
        'f.created_at',
        'u.real_name as uploader'
      ),
  ])

  const taskOut = (t: any) => ({
    id: Number(t.id),
    assigneeId: Number(t.assignee_id),
    assigneeName: t.assignee_name,
    status: t.status,
    added: Boolean(t.added),
    dueDate: dateOnly(t.due_date),
    comment: t.comment,
    decidedAt: isoTime(t.decided_at),
  })
  const chain = instance.chain.map((node) => {
    const nodeTasks = tasks.filter((t: any) => Number(t.node_seq) === node.seq)
    const state =
      instance.currentSeq === node.seq
        ? 'current'
        : nodeTasks.length && nodeTasks.every((t: any) => t.status !== 'pending')
          ? nodeTasks.some((t: any) => t.status === 'approved')
            ? 'approved'
            : 'decided'
          : 'waiting'
    return { ...nodeToApi(node), state, tasks: nodeTasks.map(taskOut) }
  })

  const userId = access.user.id
  const myTask = tasks.find(
    (t: any) =>
      Number(t.assignee_id) === userId &&
      t.status === 'pending' &&
      Number(t.node_seq) === instance.currentSeq
  )
  const decidedThisRound = tasks.some((t: any) =>
    ['approved', 'rejected', 'returned'].includes(t.status)
  )
  const isApplicant = instance.applicantId === userId
  const pending = instance.status === 'pending'
  const actions = [
    ...(myTask && pending ? ['approve', 'reject', 'return', 'transfer', 'add-signer'] : []),
    ...(isApplicant && pending && !decidedThisRound ? ['withdraw'] : []),
    ...(isApplicant && instance.status === 'returned' ? ['resubmit'] : []),
  ]

  return {
    id: instance.id,
    typeCode: instance.typeCode,
    typeName: type ? { zh: type.name_zh, en: type.name_en } : null,
    businessId: instance.businessId,
    title: instance.title,
    amount: yuanOf(instance.amountFen),
    status: instance.status,
    mode: instance.mode,
    round: instance.round,
    currentSeq: instance.currentSeq,
    externalRef: instance.externalRef,
    applicant: applicant ? { id: Number(applicant.id), name: applicant.real_name } : null,
    org: org ? { id: Number(org.id), name: org.name } : null,
    link: businessLink(type?.link ?? null, instance.businessId),
    createdAt: isoTime(row.created_at),
    finishedAt: isoTime(row.finished_at),
    chain,
    myTaskId: myTask ? Number(myTask.id) : null,
    actions,
    returnTargets: myTask
      ? [0, ...instance.chain.filter((n) => n.seq < instance.currentSeq!).map((n) => n.seq)]
      : [],
    history: history.map((h: any) => ({
      id: Number(h.id),
      round: Number(h.round),
      action: h.action,
      nodeSeq: h.node_seq === null ? null : Number(h.node_seq),
      actorName: h.actor_name ?? null,
      targetUserName: h.target_user_name ?? null,
      targetSeq: h.target_seq === null ? null : Number(h.target_seq),
      comment: h.comment,
      createdAt: isoTime(h.created_at),
    })),
    attachments: attachments.map((f: any) => ({
      id: Number(f.id),
      historyId: f.history_id === null ? null : Number(f.history_id),
      fileName: f.file_name,
      size: Number(f.size),
      uploader: f.uploader,
      createdAt: isoTime(f.created_at),
    })),
  }
}
