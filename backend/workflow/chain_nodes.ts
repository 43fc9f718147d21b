/*
| A chain node (审批节点) as the engine uses it, and its row form in
| wf_chain_nodes. Amount thresholds are fen strings here, yuan at the API.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import type { ChainNodeDefinition, ChainOrgRelation, Localized } from '#core/plugins/types'

export interface ChainNode {
  seq: number
  name: Localized
  org: ChainOrgRelation
  roles: string[]
  posts: string[]
  /** Usernames. */
  users: string[]
  mode: 'any' | 'all'
  /** 授权 tier threshold in fen, or null (always applies). */
  minAmountFen: string | null
  deadlineDays: number | null
}

const list = (text: unknown): string[] => {
  try {
    const value = JSON.parse(String(text ?? '[]'))
    return Array.isArray(value) ? value.map(String) : []
  } catch {
    return []
  }
}

export function nodeFromRow(row: any): ChainNode {
  return {
    seq: Number(row.seq),
    name: { zh: row.name_zh, en: row.name_en },
    org: row.org_relation,
    roles: list(row.roles_json),
    posts: list(row.posts_json),
    users: list(row.users_json),
    mode: row.mode === 'all' ? 'all' : 'any',
    minAmountFen: row.min_amount_fen === null ? null : String(row.min_amount_fen),
    deadlineDays: row.deadline_days === null ? null : Number(row.deadline_days),
  }
}

export function nodeToRow(typeCode: string, node: ChainNode) {
  return {
    type_code: typeCode,
    seq: node.seq,
    name_zh: node.name.zh,
    name_en: node.name.en,
    org_relation: node.org,
    roles_json: JSON.stringify(node.roles),
    posts_json: JSON.stringify(node.posts),
    users_json: JSON.stringify(node.users),
    mode: node.mode,
    min_amount_fen: node.minAmountFen,
    deadline_days: node.deadlineDays,
  }
}

/** A manifest's (or the admin form's) node, numbered. minAmount is yuan text. */
export function nodeFromDefinition(definition: ChainNodeDefinition, seq: number): ChainNode {
  return {
    seq,
    name: definition.name,
    org: definition.org ?? 'same',
    roles: definition.roles ?? [],
    posts: definition.posts ?? [],
    users: definition.users ?? [],
    mode: definition.mode ?? 'any',
    minAmountFen:
      definition.minAmount === undefined || definition.minAmount === null
        ? null
        : Money.fromYuan(definition.minAmount).toFen(),
    deadlineDays: definition.deadlineDays ?? null,
  }
}

/** The API form (yuan amounts). */
export function nodeToApi(node: ChainNode) {
  return {
    seq: node.seq,
    name: node.name,
    org: node.org,
    roles: node.roles,
    posts: node.posts,
    users: node.users,
    mode: node.mode,
    minAmount: node.minAmountFen === null ? null : Money.fromFen(node.minAmountFen).toYuan(),
    deadlineDays: node.deadlineDays,
  }
}

export async function readChain(client: QueryClientContract, typeCode: string) {
  const rows = await client.from('wf_chain_nodes').where('type_code', typeCode).orderBy('seq')
  return rows.map(nodeFromRow)
}

/**
 * 授权 tiers: the nodes that apply to an amount. A node with a threshold applies
 * when amount ≥ threshold; without an amount, only untiered nodes apply.
 */
export function applicableNodes(chain: ChainNode[], amountFen: string | null): ChainNode[] {
  return chain.filter((node) => {
    if (node.minAmountFen === null) return true
    if (amountFen === null) return false
    return Money.fromFen(amountFen).compare(Money.fromFen(node.minAmountFen)) >= 0
  })
}
