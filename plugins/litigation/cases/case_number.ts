/*
| 案号 (case number) as the courts write it since 2016 (《最高人民法院关于人民法院案件
| 案号的若干规定》): （收案年度）法院代字 + 类型代字 + 案件编号 + 号, with full-width
| brackets, e.g. （2024）京0105民初12345号 (北京市朝阳区人民法院, 民事一审), （2024）京01民终
| 678号 (北京一中院, 二审), （2024）京0105执3456号 (执行). 法院代字: 最高法, or the
| province's one-character abbreviation followed by nothing (高级法院), two digits
| (中级法院) or four digits (基层法院). Anything else is refused, never guessed.
*/

/** 类型代字 a bank's cases use; banks add others by extending this list. */
export const CASE_TYPE_CODES = [
  '民初', // 民事一审
  '民终', // 民事二审
  '民申', // 民事申请再审审查
  '民再', // 民事再审
  '民特', // 特别程序 (实现担保物权)
  '民督', // 督促程序 (支付令)
  '民撤', // 第三人撤销之诉
  '民辖终', // 管辖上诉
  '执', // 首次执行
  '执恢', // 恢复执行
  '执异', // 执行异议
  '执复', // 执行复议
  '执监', // 执行监督
  '执保', // 财产保全执行
  '财保', // 非诉财产保全审查
  '破申', // 破产申请审查
  '破', // 破产
] as const

const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新兵'

// Longer type codes first, so 执恢 is not read as 执 + a number starting with 恢.
const TYPES = [...CASE_TYPE_CODES].sort((a, b) => b.length - a.length).join('|')

const PATTERN = new RegExp(
  `^（(\\d{4})）(最高法|[${PROVINCES}](?:\\d{4}|\\d{2})?)(${TYPES})([1-9]\\d{0,6})号$`
)

export interface CaseNumber {
  year: number
  courtCode: string
  typeCode: (typeof CASE_TYPE_CODES)[number]
  serial: number
}

/**
 * The parts of a case number, or null when it is not in the court format. The
 * year must be a real 收案年度: from 1990 up to `latestYear` (the current year).
 */
export function parseCaseNumber(value: string, latestYear: number): CaseNumber | null {
  const match = PATTERN.exec(value)
  if (!match) return null
  const year = Number(match[1])
  if (year < 1990 || year > latestYear) return null
  return {
    year,
    courtCode: match[2],
    typeCode: match[3] as CaseNumber['typeCode'],
    serial: Number(match[4]),
  }
}

/** Enforcement numbers (执, 执恢 …): the case is in the 执行 stage from its filing. */
export const isEnforcementType = (typeCode: string) => typeCode.startsWith('执')
