import type { DictionaryDefinition } from '#core/plugins/types'

/* 资产重组's code lists (数据字典). */
export const PLAN_STATUSES = [
  ['draft', '草稿', 'Draft', 'info'],
  ['pending', '审批中', 'Under approval', 'warning'],
  ['returned', '已退回', 'Returned', 'warning'],
  ['rejected', '未通过', 'Rejected', 'danger'],
  ['withdrawn', '已撤回', 'Withdrawn', 'info'],
  // Approved and in force: the observation period runs.
  ['observing', '观察期', 'Observation period', 'primary'],
  // Observation period over, performed throughout: may be upgraded.
  ['completed', '观察期满', 'Observation passed', 'success'],
  // Failed to perform during the observation period.
  ['defaulted', '重组失败', 'Defaulted', 'danger'],
] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number][0]

export const METHODS = [
  ['extension', '展期', 'Extension'],
  ['refinance', '借新还旧', 'Refinancing'],
  ['reschedule', '调整还款计划', 'Rescheduling'],
  ['guarantee', '变更担保/增加担保', 'Change or add security'],
  ['debt_equity', '债转股', 'Debt-for-equity'],
] as const
export type Method = (typeof METHODS)[number][0]

const list = (type: string, zh: string, en: string, rows: readonly (readonly string[])[]) => ({
  type,
  name: { zh, en },
  items: rows.map(([code, lzh, len, color]) => ({
    code,
    label: { zh: lzh, en: len },
    ...(color ? { color } : {}),
  })),
})

export const restructuringDictionaries = [
  list('restructuring_status', '重组方案状态', 'Restructuring status', PLAN_STATUSES),
  list('restructuring_method', '重组方式', 'Restructuring method', METHODS),
] as DictionaryDefinition[]
