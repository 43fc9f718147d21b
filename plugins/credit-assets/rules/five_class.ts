/*
| 五级分类 (five-category loan classification), ordered from best to worst. The
| rank is what every rule compares; codes are stored, labels come from the
| dictionary credit_assets_five_class.
*/
export const FIVE_CLASSES = [
  'normal',
  'special_mention',
  'substandard',
  'doubtful',
  'loss',
] as const
export type FiveClass = (typeof FIVE_CLASSES)[number]

/** 1 = 正常 … 5 = 损失. */
export function classRank(code: FiveClass): number {
  const index = FIVE_CLASSES.indexOf(code)
  if (index < 0) throw new Error(`Unknown five-category class "${code}"`)
  return index + 1
}

export function isFiveClass(code: unknown): code is FiveClass {
  return typeof code === 'string' && (FIVE_CLASSES as readonly string[]).includes(code)
}

/** `a` is worse (riskier) than `b`. */
export const isWorse = (a: FiveClass, b: FiveClass) => classRank(a) > classRank(b)

/** SQL CASE giving the rank of a class column (unknown codes rank 0, i.e. never "worse"). */
export function classRankSql(column: string): string {
  return `CASE ${column} ${FIVE_CLASSES.map((c, i) => `WHEN '${c}' THEN ${i + 1}`).join(' ')} ELSE 0 END`
}
