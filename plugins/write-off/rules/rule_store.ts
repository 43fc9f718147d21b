/* The rule records (write_off_rules) as RuleRecord, in their configured order. */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { RuleRecord } from './check.js'

export const RULES_TABLE = 'write_off_rules'

export function toRule(row: Record<string, any>): RuleRecord & { id: number; sort: number } {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    basis: row.basis,
    appliesTo: row.applies_to,
    maxBalanceFen: row.max_balance_fen === null ? null : String(row.max_balance_fen),
    minOverdueDays: row.min_overdue_days === null ? null : Number(row.min_overdue_days),
    requiredDocs: JSON.parse(row.required_docs),
    enabled: Boolean(row.enabled),
    sort: Number(row.sort),
  }
}

export async function loadRules(client: Pick<QueryClientContract, 'from'> = db) {
  const rows = await client
    .from(RULES_TABLE)
    .select(
      'id',
      'code',
      'name',
      'basis',
      'applies_to',
      'enabled',
      'sort',
      'required_docs',
      'min_overdue_days'
    )
    .select(db.raw('CAST(max_balance_fen AS CHAR) as max_balance_fen'))
    .orderBy('sort')
    .orderBy('id')
  return rows.map(toRule)
}

export async function ruleByCode(code: string, client: Pick<QueryClientContract, 'from'> = db) {
  return (await loadRules(client)).find((r) => r.code === code) ?? null
}
