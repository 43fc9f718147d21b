/*
| Registered approval types → wf_types rows, so administrators configure
| their chains. A new type gets its manifest's default chain; afterwards the
| chain belongs to the administrators (a sync never overwrites it). The
| manifest's columns (name, link, plugin) follow the manifest. A type that is
| no longer declared is marked inactive; its instances and chain stay.
|
| Runs when the chain page lists types and, for one type, on each submission:
| no boot hook is needed and a type registered by a test is picked up in the
| test's own transaction.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { nodeFromDefinition, nodeToRow } from './chain_nodes.js'
import { registeredTypes, type RegisteredType } from './type_registry.js'

async function upsertType(client: QueryClientContract, type: RegisteredType) {
  const { definition, pluginId } = type
  const declared = {
    plugin_id: pluginId,
    name_zh: definition.name.zh,
    name_en: definition.name.en,
    link: definition.link,
    amount_tiers: Boolean(definition.amountTiers),
    active: true,
  }
  const row = await client.from('wf_types').where('code', definition.code).first()
  const now = dbNow()
  if (!row) {
    await client
      .table('wf_types')
      .insert({ code: definition.code, ...declared, created_at: now, updated_at: now })
    const nodes = (definition.defaultChain ?? []).map((n, i) => nodeFromDefinition(n, i + 1))
    if (nodes.length)
      await client
        .table('wf_chain_nodes')
        .multiInsert(nodes.map((n) => nodeToRow(definition.code, n)))
    return
  }
  const changed =
    row.plugin_id !== declared.plugin_id ||
    row.name_zh !== declared.name_zh ||
    row.name_en !== declared.name_en ||
    row.link !== declared.link ||
    Boolean(row.amount_tiers) !== declared.amount_tiers ||
    !row.active
  if (changed)
    await client
      .from('wf_types')
      .where('code', definition.code)
      .update({ ...declared, updated_at: now })
}

/** Makes sure one registered type has its row (and default chain). */
export async function ensureTypeRow(client: QueryClientContract, type: RegisteredType) {
  await upsertType(client, type)
}

/** Syncs every registered type and deactivates the ones no longer declared. */
export async function syncWorkflowTypes(client: QueryClientContract) {
  const types = await registeredTypes()
  for (const type of types.values()) await upsertType(client, type)
  const codes = [...types.keys()]
  const stale = client.from('wf_types').where('active', true)
  if (codes.length) stale.whereNotIn('code', codes)
  await stale.update({ active: false, updated_at: dbNow() })
}
