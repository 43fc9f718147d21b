/*
| 检查事项 and their checklists. The five items of the spec (经营情况, 资产情况,
| 贷款情况, 还款意愿, 送达地址核查) are fixed codes; the points under each are the
| bank's to configure (检查计划 › 检查清单): a label, whether evidence (a photo or
| scan filed on the 影像平台) is required, order, active. Until a bank saves its
| own list, an item uses the defaults below.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export const CHECK_ITEMS = ['operation', 'assets', 'loan', 'willingness', 'address'] as const
export type CheckItem = (typeof CHECK_ITEMS)[number]

export interface ChecklistPoint {
  code: string
  label: string
  evidenceRequired: boolean
}

export const DEFAULT_POINTS: Record<CheckItem, ChecklistPoint[]> = {
  operation: [
    { code: 'site_visit', label: '实地查看经营场所，拍摄现场照片', evidenceRequired: true },
    { code: 'revenue', label: '核实近期营业收入、纳税及水电费情况', evidenceRequired: false },
    { code: 'staff', label: '核实员工人数及在岗情况', evidenceRequired: false },
  ],
  assets: [
    { code: 'collateral', label: '查看抵质押物现状，拍摄照片', evidenceRequired: true },
    { code: 'other_assets', label: '了解借款人其他可执行财产', evidenceRequired: false },
  ],
  loan: [
    { code: 'usage', label: '核查贷款资金用途', evidenceRequired: false },
    { code: 'arrears', label: '核对欠本欠息及逾期情况', evidenceRequired: false },
  ],
  willingness: [
    { code: 'interview', label: '面谈借款人，了解还款意愿及计划', evidenceRequired: false },
    { code: 'commitment', label: '取得还款承诺书（如有）', evidenceRequired: false },
  ],
  address: [
    { code: 'address_check', label: '核实送达地址并拍摄门牌照片', evidenceRequired: true },
    { code: 'contact', label: '核实联系电话有效', evidenceRequired: false },
  ],
}

/** The active points of each item (the bank's list, or the defaults). */
export async function checklists(
  client: TransactionClientContract | typeof db = db
): Promise<Record<CheckItem, ChecklistPoint[]>> {
  const rows = await client
    .from('insp_checklist_points')
    .orderBy('item_code')
    .orderBy('sort')
    .orderBy('id')
  const out = {} as Record<CheckItem, ChecklistPoint[]>
  for (const item of CHECK_ITEMS) {
    const own = rows.filter((r) => r.item_code === item)
    out[item] = own.length
      ? own
          .filter((r) => Boolean(r.active))
          .map((r) => ({
            code: r.code,
            label: r.label,
            evidenceRequired: Boolean(r.evidence_required),
          }))
      : DEFAULT_POINTS[item]
  }
  return out
}

/** Replaces an item's list; points no longer listed stay as inactive rows (old results keep their label). */
export async function saveChecklist(
  trx: TransactionClientContract,
  item: CheckItem,
  points: ChecklistPoint[]
) {
  await trx.from('insp_checklist_points').where('item_code', item).update({ active: false })
  for (const [sort, p] of points.entries()) {
    const values = {
      label: p.label,
      evidence_required: p.evidenceRequired,
      sort,
      active: true,
    }
    const updated = await trx
      .from('insp_checklist_points')
      .where('item_code', item)
      .where('code', p.code)
      .update(values)
    if (!Number(Array.isArray(updated) ? updated[0] : updated))
      await trx.table('insp_checklist_points').insert({ item_code: item, code: p.code, ...values })
  }
}

/** Points that require evidence and have none: `${item}.${point}` codes. */
export function missingEvidence(
  lists: Record<CheckItem, ChecklistPoint[]>,
  items: CheckItem[],
  evidence: Array<{ item_code: string; point_code: string }>
) {
  const have = new Set(evidence.map((e) => `${e.item_code}.${e.point_code}`))
  return items.flatMap((item) =>
    lists[item]
      .filter((p) => p.evidenceRequired && !have.has(`${item}.${p.code}`))
      .map((p) => ({ item, point: p.code, label: p.label }))
  )
}
