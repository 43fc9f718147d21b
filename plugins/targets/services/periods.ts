/* Target periods: the calendar dates (inclusive) a 半年度 or 年度 target covers. */
export const PERIODS = ['H1', 'H2', 'Y'] as const
export type Period = (typeof PERIODS)[number]
export const KINDS = ['reduction', 'recovery'] as const
export type TargetKind = (typeof KINDS)[number]
export const LEVELS = ['head', 'branch'] as const
export type TargetLevel = (typeof LEVELS)[number]

export function periodRange(year: number, period: Period): { from: string; to: string } {
  if (period === 'H1') return { from: `${year}-01-01`, to: `${year}-06-30` }
  if (period === 'H2') return { from: `${year}-07-01`, to: `${year}-12-31` }
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}

/**
 * 总行目标 go to the orgs right under the head office (depth 2, the branches);
 * 分行目标 to the orgs under a branch (depth 3 and below).
 */
export const levelOfDepth = (depth: number): TargetLevel | null =>
  depth === 2 ? 'head' : depth >= 3 ? 'branch' : null
