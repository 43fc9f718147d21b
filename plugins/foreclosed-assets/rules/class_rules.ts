/*
| The class rules (资产分类 and 处置期限) as stored: read by receive, by the
| deadline recompute and by the 处置期限设置 page.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ASSET_CLASSES, type AssetClass } from './default_class_rules.js'

export const RULES_TABLE = 'foreclosed_assets_class_rules'

export interface ClassRule {
  assetClass: AssetClass
  disposalMonths: number
  reminderOffsets: number[]
  checkIntervalMonths: number
  basis: string
}

type Client = TransactionClientContract | typeof db

function toRule(row: Record<string, any>): ClassRule {
  let offsets: number[] = []
  try {
    offsets = JSON.parse(String(row.reminder_offsets))
  } catch {
    offsets = []
  }
  return {
    assetClass: row.asset_class,
    disposalMonths: Number(row.disposal_months),
    reminderOffsets: offsets.map(Number).filter((n) => Number.isInteger(n) && n >= 0),
    checkIntervalMonths: Number(row.check_interval_months),
    basis: String(row.basis),
  }
}

export async function classRules(client: Client = db): Promise<ClassRule[]> {
  const rows = await client.from(RULES_TABLE).select('*')
  const order = (c: string) => ASSET_CLASSES.indexOf(c as AssetClass)
  return rows.map(toRule).sort((a, b) => order(a.assetClass) - order(b.assetClass))
}

export async function classRule(assetClass: string, client: Client = db): Promise<ClassRule> {
  const row = await client.from(RULES_TABLE).where('asset_class', assetClass).first()
  if (!row) throw new Error(`No class rule for ${assetClass}`)
  return toRule(row)
}
