/*
| 流程管理: administrators read and replace a type's chain and switch it
| between the internal chain and the external 授权及流程管理 system. A chain
| is replaced whole (nodes renumbered 1…n), so one audit row shows the full
| before and after. Running approvals keep the chain they were submitted with.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import type { ChainNodeDefinition } from '#core/plugins/types'
import { dbNow } from '#core/db/db_time'
import { nodeFromDefinition, nodeToApi, nodeToRow, readChain } from './chain_nodes.js'
import { ensureTypeRow, syncWorkflowTypes } from './type_sync.js'
import { registeredType } from './type_registry.js'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { WorkflowError, notFound } from './workflow_error.js'

export async function listTypes() {
  await db.transaction(async (trx) => syncWorkflowTypes(trx))
  const types = await db.from('wf_types').orderBy('active', 'desc').orderBy('code')
  const counts = await db
    .from('wf_chain_nodes')
    .groupBy('type_code')
    .select('type_code')
    .count('* as n')
  const running = await db
    .from('wf_instances')
    .where('status', 'pending')
    .groupBy('type_code')
    .select('type_code')
    .count('* as n')
  const byType = (rows: any[], code: string) =>
    Number(rows.find((r) => r.type_code === code)?.n ?? 0)
  return types.map((t) => ({
    code: t.code,
    pluginId: t.plugin_id,
    name: { zh: t.name_zh, en: t.name_en },
    link: t.link,
    amountTiers: Boolean(t.amount_tiers),
    mode: t.mode,
    active: Boolean(t.active),
    nodeCount: byType(counts, t.code),
    pendingCount: byType(running, t.code),
  }))
}

/** The type's row; a registered type not synced yet (a fresh boot) gets it now. */
async function typeRow(client: QueryClientContract, code: string) {
  const row = await client.from('wf_types').where('code', code).first()
  if (row) return row
  const registered = await registeredType(code)
  if (!registered) throw notFound()
  await ensureTypeRow(client, registered)
  return client.from('wf_types').where('code', code).first()
}

export async function showChain(code: string) {
  const type = await db.transaction((trx) => typeRow(trx, code))
  return {
    code: type.code,
    name: { zh: type.name_zh, en: type.name_en },
    mode: type.mode,
    amountTiers: Boolean(type.amount_tiers),
    active: Boolean(type.active),
    nodes: (await readChain(db.connection(), code)).map(nodeToApi),
  }
}

/** Every role, post and username a chain names must exist (a typo would leave a node without approvers). */
async function checkNames(nodes: ChainNodeDefinition[]) {
  const missing = async (table: string, column: string, names: string[]) => {
    const wanted = [...new Set(names)]
    if (!wanted.length) return []
    const found = new Set(
      (await db.from(table).whereIn(column, wanted).select(column)).map((r) => r[column])
    )
    return wanted.filter((n) => !found.has(n))
  }
  const unknown = [
    ...(await missing(
      'roles',
      'code',
      nodes.flatMap((n) => n.roles ?? [])
    )),
    ...(await missing(
      'posts',
      'code',
      nodes.flatMap((n) => n.posts ?? [])
    )),
    ...(await missing(
      'users',
      'username',
      nodes.flatMap((n) => n.users ?? [])
    )),
  ]
  if (unknown.length)
    throw new WorkflowError(422, 'workflow.unknownNames', { names: unknown.join('、') })
  nodes.forEach((n, i) => {
    if (!(n.roles?.length || n.posts?.length || n.users?.length))
      throw new WorkflowError(422, 'workflow.nodeWithoutApprovers', { seq: i + 1 })
  })
}

export async function replaceChain(
  ctx: HttpContext | null,
  code: string,
  input: { mode: 'internal' | 'external'; nodes: ChainNodeDefinition[] }
) {
  await checkNames(input.nodes)
  return db.transaction(async (trx) => {
    const type = await typeRow(trx, code)
    if (input.mode === 'internal' && !input.nodes.length)
      throw new WorkflowError(422, 'workflow.noChain')
    const before = { mode: type.mode, nodes: (await readChain(trx, code)).map(nodeToApi) }
    const nodes = input.nodes.map((n, i) => nodeFromDefinition(n, i + 1))
    await trx.from('wf_chain_nodes').where('type_code', code).delete()
    if (nodes.length)
      await trx.table('wf_chain_nodes').multiInsert(nodes.map((n) => nodeToRow(code, n)))
    await trx.from('wf_types').where('code', code).update({ mode: input.mode, updated_at: dbNow() })
    const after = { mode: input.mode, nodes: nodes.map(nodeToApi) }
    await audit.record(ctx, {
      action: 'workflow.chain_update',
      entityType: 'workflow_type',
      entityId: code,
      before,
      after,
      trx,
    })
    return after
  })
}

/** What the chain editor offers: active roles and posts. */
export async function chainOptions() {
  const [roles, posts] = await Promise.all([
    db.from('roles').where('status', 'active').orderBy('sort').select('code', 'name'),
    db.from('posts').where('status', 'active').orderBy('sort').select('code', 'name'),
  ])
  return { roles, posts }
}
