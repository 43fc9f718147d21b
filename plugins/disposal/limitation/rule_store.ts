/* The configurable rules (disposal_limitation_rules) as the calculator's RuleSet. */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { RULE_CODES, type LimitationRule, type RuleCode, type RuleSet } from './types.js'

export const RULES_TABLE = 'disposal_limitation_rules'

const bool = (v: unknown) => v === true || v === 1 || v === '1'
const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v))

export function ruleOf(
  row: Record<string, any>
): LimitationRule & { id: number; updatedAt: string } {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name_zh,
    nameEn: row.name_en,
    periodYears: intOrNull(row.period_years),
    periodMonths: intOrNull(row.period_months),
    rollToWorkingDay: bool(row.roll_to_working_day),
    legalBasis: row.legal_basis,
    description: row.description,
    enabled: bool(row.enabled),
    updatedAt: String(row.updated_at),
  }
}

export async function loadRules(client: QueryClientContract = db.connection()): Promise<RuleSet> {
  const rows = await client.from(RULES_TABLE).select('*')
  const byCode = new Map(rows.map((r) => [r.code, ruleOf(r)]))
  const missing = RULE_CODES.filter((code) => !byCode.has(code))
  // The calculator needs every code; a deleted row means broken data, not "rule off".
  if (missing.length) throw new Error(`Limitation rules missing: ${missing.join(', ')}`)
  return Object.fromEntries(
    RULE_CODES.map((code) => [code, byCode.get(code)!])
  ) as unknown as Record<RuleCode, LimitationRule>
}
