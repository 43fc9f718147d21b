import type { DictionaryDefinition } from '#core/plugins/types'

/*
| 处置方式 and 预案状态. The method list follows spec §3.1 (the later plugins —
| 诉讼, 核销, 减免, 转让, 批量转让, 以资抵债 — each take over the execution of
| an approved plan of their method); banks add their own methods on 字典管理.
*/
export const DISPOSAL_METHODS = [
  ['collection', '清收', 'Collection'],
  ['restructuring', '重组', 'Restructuring'],
  ['litigation', '诉讼', 'Litigation'],
  ['write_off', '核销', 'Write-off'],
  ['relief', '减免', 'Relief'],
  ['transfer', '转让', 'Transfer'],
  ['batch_transfer', '批量转让', 'Batch transfer'],
  ['debt_for_asset', '以资抵债', 'Debt for asset'],
] as const

export const PLAN_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'In approval', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['approved', '已批准', 'Approved', 'success'],
  ['rejected', '已否决', 'Rejected', 'danger'],
  ['withdrawn', '已撤回', 'Withdrawn', 'info'],
  // Approved, and a disposal of its method has been carried out (recordDisposalOutcome).
  ['implemented', '已实施', 'Implemented', 'success'],
] as const

export type PlanStatus = (typeof PLAN_STATUSES)[number][0]

/** Statuses in which the applicant may still edit and (re)submit the plan. */
export const EDITABLE_STATUSES: PlanStatus[] = ['draft', 'returned', 'withdrawn']

export const planDictionaries: DictionaryDefinition[] = [
  {
    type: 'disposal_method',
    name: { zh: '处置方式', en: 'Disposal method' },
    items: DISPOSAL_METHODS.map(([code, zh, en]) => ({
      code,
      label: { zh, en },
      color: 'primary',
    })),
  },
  {
    type: 'disposal_plan_status',
    name: { zh: '处置预案状态', en: 'Disposal plan status' },
    items: PLAN_STATUSES.map(([code, zh, en, color]) => ({ code, label: { zh, en }, color })),
  },
]
